package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Authenticator;
import org.opsdesk.support.IntegrationTest;

/**
 * A portal client's optional two-step sign-in: turned on with the password and a code from the key shown, then
 * asked after every right password; each step's code is taken once, and five wrong codes lock the account. The
 * secret is stored sealed, never as shown.
 */
class PortalTotpIntegrationTests extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private PortalVisitor visitor() {
        return new PortalVisitor(port, "198.18.0." + (1 + ADDRESSES.incrementAndGet() % 250));
    }

    private long step() {
        return Authenticator.step(clock().instant());
    }

    private PortalVisitor.Page signIn(PortalVisitor browser, String email) {
        browser.get("/portal/sign-in");
        return browser.post("/portal/sign-in", "email", email, "password", Registrations.PASSWORD);
    }

    @Test
    void asksForTheAppsCodeAfterThePasswordOnceTurnedOnTakesEachCodeOnceAndLocksAfterFiveWrongOnes() {
        var form = Registrations.person();
        var browser = visitor();
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", form.fields()).status()).isEqualTo(302);
        var security = browser.get("/portal/account/security");
        String key = security.html().getElementById("totp-key").text();
        byte[] secret = Authenticator.secret(key);

        var refused = browser.post(
                "/portal/account/security/enable",
                "password",
                "wrong password!!",
                "code",
                Authenticator.code(secret, step()));
        assertThat(refused.status()).isEqualTo(422);
        var enabled = browser.post(
                "/portal/account/security/enable",
                "password",
                Registrations.PASSWORD,
                "code",
                Authenticator.code(secret, step()));
        assertThat(enabled.location()).isEqualTo("/portal/account/security?notice=totpOn");
        String stored = jdbc.sql("select totp_secret from portal.client where email = ?")
                .param(form.email())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(key.replace(" ", ""));

        var other = visitor();
        var password = signIn(other, form.email());
        assertThat(password.location()).isEqualTo("/portal/sign-in/code");
        assertThat(other.get("/portal/home").location())
                .as("not signed in before the code")
                .isEqualTo("/portal/sign-in");
        other.get("/portal/sign-in/code");
        String next = Authenticator.code(secret, step() + 1);
        var code = other.post("/portal/sign-in/code", "code", next);
        assertThat(code.location()).isEqualTo("/portal/home");
        assertThat(other.get("/portal/home").status()).isEqualTo(200);

        var third = visitor();
        signIn(third, form.email());
        third.get("/portal/sign-in/code");
        var replayed = third.post("/portal/sign-in/code", "code", next);
        assertThat(replayed.status()).as("a code already taken").isEqualTo(401);
        for (int i = 2; i <= 4; i++) {
            assertThat(third.post("/portal/sign-in/code", "code", "000000").status())
                    .isEqualTo(401);
        }
        var fifth = third.post("/portal/sign-in/code", "code", "000000");
        assertThat(fifth.html().select("[role=alert]").text()).contains("locked");
        assertThat(signIn(visitor(), form.email()).html().select("[role=alert]").text())
                .contains("locked");
    }
}
