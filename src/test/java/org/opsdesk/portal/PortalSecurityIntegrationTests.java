package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;

/**
 * The portal's own security: sign-in and its lockout, the session cookie and headers, and the wall between portal
 * sessions and the console and API — neither side's session opens the other, whatever cookie name it is sent under.
 */
class PortalSecurityIntegrationTests extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private PortalVisitor visitor() {
        return new PortalVisitor(port, "203.0.113." + (1 + ADDRESSES.incrementAndGet() % 250));
    }

    private Registrations registered() {
        var form = Registrations.person();
        var browser = visitor();
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", form.fields()).status()).isEqualTo(302);
        return form;
    }

    private PortalVisitor.Page signIn(PortalVisitor browser, String email, String password) {
        browser.get("/portal/sign-in");
        return browser.post("/portal/sign-in", "email", email, "password", password);
    }

    @Test
    void signsInWithTheRightPasswordUnderANewSessionAndSignsOut() {
        var form = registered();
        var browser = visitor();
        browser.get("/portal/sign-in");
        String before = browser.cookie(PortalVisitor.PORTAL_COOKIE);

        var answer = browser.post(
                "/portal/sign-in", "email", form.email().toUpperCase(), "password", Registrations.PASSWORD);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/portal/home");
        assertThat(browser.cookie(PortalVisitor.PORTAL_COOKIE)).isNotNull().isNotEqualTo(before);
        var home = browser.get("/portal/home");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");

        assertThat(browser.post("/portal/sign-out").location()).isEqualTo("/portal/sign-in?ended");
        assertThat(browser.get("/portal/home").location()).isEqualTo("/portal/sign-in");
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownAddressAlike() {
        var form = registered();

        var wrong = signIn(visitor(), form.email(), "not the password at all");
        var unknown = signIn(visitor(), "nobody-" + form.email(), Registrations.PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.html().select("[role=alert]").text())
                .isEqualTo(unknown.html().select("[role=alert]").text())
                .isEqualTo("The email address or the password is wrong.");
    }

    @Test
    void locksTheAccountAfterTenWrongPasswordsEvenAgainstTheRightOneUntilTheLockEnds() {
        var form = registered();
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(visitor(), form.email(), "wrong password " + i).status())
                    .isEqualTo(401);
        }

        var locked = signIn(visitor(), form.email(), Registrations.PASSWORD);

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.html().select("[role=alert]").text()).contains("locked");
        assertThat(jdbc.sql("select e.kind from portal.client_event e join portal.client c on c.id = e.client_id"
                                + " where c.email = ? order by e.id")
                        .param(form.email())
                        .query(String.class)
                        .list())
                .as("the account's audit trail")
                .startsWith("registered", "sign_in_refused")
                .contains("locked")
                .endsWith("sign_in_refused");
        assertThatThrownBy(() -> jdbc.sql("update portal.client_event set kind = 'signed_in'")
                        .update())
                .as("the trail is insert-only")
                .rootCause()
                .hasMessageContaining("insert-only");
        clock().advance(Duration.ofMinutes(31));
        assertThat(signIn(visitor(), form.email(), Registrations.PASSWORD).status())
                .isEqualTo(302);
    }

    @Test
    void aPortalSessionOpensNeitherTheConsoleNorTheApi() throws Exception {
        var form = registered();
        var browser = visitor();
        assertThat(signIn(browser, form.email(), Registrations.PASSWORD).status())
                .isEqualTo(302);
        String portalSession = browser.cookie(PortalVisitor.PORTAL_COOKIE);

        var forger = visitor();
        forger.forceCookie(PortalVisitor.CONSOLE_COOKIE, portalSession);
        var console = forger.get("/");
        var consolePage = forger.get("/operations");

        assertThat(console.status()).isEqualTo(302);
        assertThat(console.location()).startsWith("/login");
        assertThat(consolePage.status()).isEqualTo(302);
        var api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/operations"))
                                .header(
                                        "Cookie",
                                        PortalVisitor.PORTAL_COOKIE + "=" + portalSession + "; "
                                                + PortalVisitor.CONSOLE_COOKIE + "=" + portalSession)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void aConsoleSessionDoesNotOpenThePortal() {
        var role = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"portal-wall\",\"description\":\"tests\",\"permissions\":[\"clients:view\"],"
                                + "\"mfaRequired\":false}");
        assertThat(role.status()).isIn(201, 409);
        String operator = ensureOperator("portal-wall-" + ADDRESSES.incrementAndGet(), "portal-wall");
        var browser = visitor();
        browser.get("/login");
        var signedIn = browser.post("/login", "username", operator, "password", OPERATOR_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        String consoleSession = browser.cookie(PortalVisitor.CONSOLE_COOKIE);
        assertThat(consoleSession).isNotNull();
        assertThat(browser.get("/portal-clients").status())
                .as("signed in to the console")
                .isEqualTo(200);

        assertThat(browser.get("/portal/home").location()).isEqualTo("/portal/sign-in");
        var forger = visitor();
        forger.forceCookie(PortalVisitor.PORTAL_COOKIE, consoleSession);
        assertThat(forger.get("/portal/home").location()).isEqualTo("/portal/sign-in");
    }
}
