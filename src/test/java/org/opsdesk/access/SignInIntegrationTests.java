package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signing in to the console over real HTTP: sessions, cookies, lockout, throttling, sign-out, session ends. */
class SignInIntegrationTests extends SignInTestSupport {

    @Test
    void signsInWithANewSessionIdAndAnHttpOnlyLaxCookie() {
        String username = operator("support");
        var browser = browser();
        var login = browser.get("/login");
        String before = browser.sessionId();
        assertThat(login.status()).isEqualTo(200);
        assertThat(before)
                .as("no session before the password: the form's token is in a cookie")
                .isNull();

        var signedIn = browser.post("/login", "username", username, "password", PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        String cookie = signedIn.sessionCookieHeader();
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/")
                .doesNotContain("Secure");
        assertThat(browser.get("/").status()).as("the dashboard").isEqualTo(200);
        var start = browser.get("/account");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.html().selectFirst("#username").text()).isEqualTo(username);
        assertThat(start.html().select("#roles li").eachText()).containsExactly("support");
        assertThat(start.html().selectFirst("form[action=/logout] input[name=_csrf]"))
                .isNotNull();
        assertThat(operators.find(username).orElseThrow().lastLoginAt()).isNotNull();
        assertThat(events(username)).containsExactly("login_succeeded " + browser.ip());
    }

    @Test
    void showsTheSignInPageWithoutWritingASession() {
        var visitor = browser();
        var first = visitor.get("/login");
        var again = visitor.get("/login?signedOut");

        for (var page : java.util.List.of(first, again)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.sessionCookieHeader())
                    .as("no session row for an anonymous visitor")
                    .isNull();
        }
        assertThat(first.header("set-cookie"))
                .contains("OPSDESK_CSRF=")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(visitor.sessionId()).isNull();
        assertThat(visitor.postWithoutToken("/login", "username", "x", "password", "y")
                        .status())
                .as("the cookie alone is no token")
                .isEqualTo(403);
    }

    @Test
    void keepsSessionsInPostgresWithTheIdleTimeoutAndThePrincipalName() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);

        var row = jdbc.sql(
                        "select max_inactive_interval, principal_name from access.http_session where principal_name = ?")
                .param(username)
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2))
                .single();
        assertThat(row).isEqualTo("900 " + username); // 15 minutes idle
        // any node reading the same table knows the session: a second client with the cookie is signed in
        var elsewhere = browser.sameSessionElsewhere("198.51.99.1");
        assertThat(elsewhere.get("/").status()).isEqualTo(200);
    }

    @Test
    void setsSecureCookieAndHstsWhenTheProxySaysHttps() {
        String username = operator("support");
        var browser = browser().header("X-Forwarded-Proto", "https");
        var page = browser.get("/login");
        assertThat(page.header("strict-transport-security")).contains("max-age=31536000");
        String csrfCookie = page.headers().get("set-cookie").stream()
                .filter(cookie -> cookie.startsWith("OPSDESK_CSRF="))
                .findFirst()
                .orElseThrow();
        assertThat(csrfCookie).contains("Secure").contains("HttpOnly");
        // a browser speaking https to the proxy sends its Secure cookie back; this client speaks http to the server
        browser.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')));
        var signedIn = browser.post("/login", "username", username, "password", PASSWORD);
        assertThat(signedIn.sessionCookieHeader()).contains("Secure").contains("HttpOnly");

        assertThat(browser().get("/login").header("strict-transport-security")).isNull();
    }

    @Test
    void answersAnUnknownUserADisabledUserAndAWrongPasswordIdentically() {
        String known = operator("support");
        String disabled = operator("support");
        operators.setEnabled(idOf(disabled), false, Instant.now());

        var wrongPassword = browser().signIn(known, "not the password at all");
        var unknownUser = browser().signIn("nobody-" + known, "not the password at all");
        var disabledUser = browser().signIn(disabled, PASSWORD);

        for (var page : java.util.List.of(wrongPassword, unknownUser, disabledUser)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.alert())
                    .isEqualTo(
                            "The username or password is not correct, or this account cannot sign in at the moment.");
            assertThat(page.sessionCookieHeader()).as("no new session").isNull();
        }
        assertThat(normalised(unknownUser)).isEqualTo(normalised(wrongPassword)).isEqualTo(normalised(disabledUser));
        assertThat(eventDetails(known, "login_failed")).contains("wrong_password");
        assertThat(eventDetails("nobody-" + known, "login_failed")).contains("unknown_user");
        assertThat(eventDetails(disabled, "login_failed")).contains("operator_inactive");
    }

    @Test
    void locksTheAccountAfterTenFailuresCountedInTheDatabaseAndUnlocksAfterThePeriod() {
        String username = operator("support");
        var first = browser();
        first.get("/login");
        for (int i = 0; i < 9; i++) {
            first.post("/login", "username", username, "password", "wrong password " + i);
        }
        assertThat(failedLogins(username)).isEqualTo(9);

        // another node, another browser: the count is shared
        var secondNode = browser();
        var tenth = secondNode.signIn(username, "wrong password 9");
        assertThat(tenth.status()).isEqualTo(200);
        Instant lockedUntil = operators.find(username).orElseThrow().lockedUntil();
        assertThat(lockedUntil)
                .isBetween(
                        clock().instant().plusSeconds(29 * 60),
                        clock().instant().plusSeconds(31 * 60));

        var rightPasswordWhileLocked = browser().signIn(username, PASSWORD);
        assertThat(rightPasswordWhileLocked.status()).isEqualTo(200);
        assertThat(rightPasswordWhileLocked.alert()).isEqualTo(tenth.alert());
        assertThat(normalised(rightPasswordWhileLocked)).isEqualTo(normalised(tenth));
        assertThat(events(username)).contains("account_locked " + secondNode.ip());
        assertThat(eventDetails(username, "login_failed")).contains("account_locked");

        clock().advance(Duration.between(clock().instant(), lockedUntil).plusSeconds(1));
        var afterThePeriod = browser().signIn(username, PASSWORD);
        assertThat(afterThePeriod.status()).isEqualTo(302);
        assertThat(afterThePeriod.location()).isEqualTo("/");
        assertThat(failedLogins(username)).isZero();
    }

    @Test
    void refusesAnAddressAfterFiftyFailuresUntilItsWindowEnds() {
        String username = operator("support");
        var attacker = browser();
        attacker.get("/login");
        for (int i = 0; i < 50; i++) {
            var page = attacker.post("/login", "username", "guess-" + i, "password", "guess");
            assertThat(page.status()).isEqualTo(200);
        }

        var throttled = attacker.post("/login", "username", username, "password", PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.alert()).contains("Too many failed sign-ins from your network");
        assertThat(throttled.sessionCookieHeader()).isNull();
        assertThat(events(username)).containsExactly("login_throttled " + attacker.ip());
        assertThat(failedLogins(username))
                .as("the account is not punished for the address")
                .isZero();
        assertThat(browser().signIn(username, PASSWORD).location())
                .as("other addresses")
                .isEqualTo("/");

        clock().advance(Duration.ofMinutes(15));
        assertThat(attacker.post("/login", "username", username, "password", PASSWORD)
                        .location())
                .as("after the window")
                .isEqualTo("/");
    }

    @Test
    void refusesPostsWithoutTheCsrfToken() {
        String username = operator("support");
        var browser = browser();
        browser.get("/login");
        var noToken = browser.postWithoutToken("/login", "username", username, "password", PASSWORD);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.header("content-type")).startsWith("text/html");
        assertThat(noToken.html().selectFirst("h1").text()).isEqualTo("Not allowed");
        assertThat(events(username)).isEmpty();

        browser.signIn(username, PASSWORD);
        var logoutWithoutToken = browser.postWithoutToken("/logout");
        assertThat(logoutWithoutToken.status()).isEqualTo(403);
        assertThat(browser.get("/").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var stolenCookie = browser.sameSessionElsewhere("198.51.99.2");
        browser.get("/");

        var out = browser.post("/logout");

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo("/login?signedOut");
        assertThat(browser.get("/login?signedOut")
                        .html()
                        .selectFirst("[role=status]")
                        .text())
                .isEqualTo("You have signed out.");
        var replayed = stolenCookie.get("/");
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.location()).startsWith("/login");
        assertThat(sessionsOf(username)).isZero();
        assertThat(events(username)).containsExactly("login_succeeded " + browser.ip(), "logout " + browser.ip());
    }

    @Test
    void disablingAnOperatorEndsTheirSessionsAtTheNextRequest() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var otherSession = browser();
        otherSession.signIn(username, PASSWORD);
        assertThat(sessionsOf(username)).isEqualTo(2);

        operators.setEnabled(idOf(username), false, Instant.now());
        var next = browser.get("/");

        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).isEqualTo("/login?ended");
        assertThat(sessionsOf(username))
                .as("every session of theirs, on every node")
                .isZero();
        assertThat(otherSession.get("/").location()).startsWith("/login");
        assertThat(eventDetails(username, "session_ended")).contains("operator_inactive");
    }

    @Test
    void disablingThroughTheAdministrationApiDeletesEverySessionAtOnce() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        assertThat(sessionsOf(username)).isEqualTo(1);

        assertThat(api().post("/api/v1/operators/" + username + "/disable", "").status())
                .isEqualTo(200);

        assertThat(sessionsOf(username))
                .as("deleted on commit, before any request of theirs")
                .isZero();
        assertThat(browser.get("/").location()).startsWith("/login");
        assertThat(browser.signIn(username, PASSWORD).status())
                .as("a disabled operator can't sign in again: the form answers again")
                .isEqualTo(200);
        assertThat(browser.get("/").location()).startsWith("/login");
    }

    @Test
    void aPasswordResetEndsSessionsStartedBeforeIt() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        Thread.sleep(5);

        operators.setTemporaryPassword(
                idOf(username),
                operators.find(username).map(o -> "{noop}unused").orElseThrow(),
                Instant.now());

        assertThat(browser.get("/").location()).isEqualTo("/login?ended");
        assertThat(eventDetails(username, "session_ended")).contains("sessions_revoked");
    }

    @Test
    void endsASessionAtTheAbsoluteTimeoutHoweverActiveItWas() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        // 12 hours and a minute after signing in (the idle timeout is Spring Session's, on the system's time)
        clock().advance(Duration.ofHours(12).plusMinutes(1));

        var next = browser.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).isEqualTo("/login?ended");
        assertThat(browser.get("/login?ended")
                        .html()
                        .selectFirst("[role=status]")
                        .text())
                .isEqualTo("Your session has ended. Please sign in again.");
        assertThat(eventDetails(username, "session_ended")).contains("absolute_timeout");
    }

    @Test
    void sendsAnonymousConsoleRequestsToTheSignInPageButKeepsTheApiOnProblems() {
        var page = browser().get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login");

        var api = browser().get("/api/v1/workflows");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("content-type")).startsWith("application/problem+json");
        assertThat(api.sessionCookieHeader()).isNull();

        var signedIn = browser();
        signedIn.signIn(operator("support"), PASSWORD);
        assertThat(signedIn.get("/api/v1/workflows").status())
                .as("a console session opens nothing in the API, which knows only keys")
                .isEqualTo(401);
    }

    @Test
    void rendersConsoleErrorsAsPagesAndApiErrorsAsProblems() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);

        var missing = browser.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("content-type")).startsWith("text/html");
        assertThat(missing.html().selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");

        var apiMissing = api().get("/api/v1/no-such-thing", "Accept", "text/html");
        assertThat(apiMissing.status()).isEqualTo(404);
        assertThat(apiMissing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void putsSecurityHeadersOnPagesTheSignInPageAndTheApi() {
        String username = operator("support");
        var browser = browser();
        var login = browser.get("/login");
        browser.post("/login", "username", username, "password", PASSWORD);
        var start = browser.get("/");
        var api = api().get("/api/v1/workflows");
        var apiRefused = api().withKey("opk_wrong").get("/api/v1/workflows");

        String csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        for (var headers : java.util.List.of(
                java.util.Map.of(
                        "csp", String.valueOf(login.header("content-security-policy")),
                        "nosniff", String.valueOf(login.header("x-content-type-options")),
                        "frame", String.valueOf(login.header("x-frame-options")),
                        "referrer", String.valueOf(login.header("referrer-policy"))),
                java.util.Map.of(
                        "csp", String.valueOf(start.header("content-security-policy")),
                        "nosniff", String.valueOf(start.header("x-content-type-options")),
                        "frame", String.valueOf(start.header("x-frame-options")),
                        "referrer", String.valueOf(start.header("referrer-policy"))),
                java.util.Map.of(
                        "csp", String.valueOf(api.header("content-security-policy")),
                        "nosniff", String.valueOf(api.header("x-content-type-options")),
                        "frame", String.valueOf(api.header("x-frame-options")),
                        "referrer", String.valueOf(api.header("referrer-policy"))),
                java.util.Map.of(
                        "csp", String.valueOf(apiRefused.header("content-security-policy")),
                        "nosniff", String.valueOf(apiRefused.header("x-content-type-options")),
                        "frame", String.valueOf(apiRefused.header("x-frame-options")),
                        "referrer", String.valueOf(apiRefused.header("referrer-policy"))))) {
            assertThat(headers)
                    .containsEntry("csp", csp)
                    .containsEntry("nosniff", "nosniff")
                    .containsEntry("frame", "DENY")
                    .containsEntry("referrer", "strict-origin-when-cross-origin");
        }
        assertThat(api.status()).isEqualTo(200);
        assertThat(apiRefused.status()).isEqualTo(401);
        // Swagger UI injects inline styles; only its pages allow them, and never inline script
        var swagger = api().get("/swagger-ui/index.html");
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.header("content-security-policy"))
                .contains("style-src 'self' 'unsafe-inline'")
                .contains("script-src 'self';");
    }

    @Test
    void speaksTheOperatorsLanguageOnceSignedIn() {
        String username = operatorSpeaking("pt-BR", "support");
        var browser = browser();
        assertThat(browser.get("/login").html().selectFirst("h1").text()).isEqualTo("Sign in to Opsdesk");
        browser.post("/login", "username", username, "password", PASSWORD);

        var start = browser.get("/");

        assertThat(start.html().selectFirst("html").attr("lang")).isEqualTo("pt-BR");
        assertThat(start.html().selectFirst("form.sign-out button").text()).isEqualTo("Sair");
        assertThat(browser()
                        .header("Accept-Language", "nl")
                        .get("/login")
                        .html()
                        .selectFirst("h1")
                        .text())
                .isEqualTo("Inloggen bij Opsdesk");
    }

    private int failedLogins(String username) {
        return jdbc.sql("select failed_logins from access.operator where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    private int sessionsOf(String username) {
        return jdbc.sql("select count(*) from access.http_session where principal_name = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    /** The page without what differs by design: the CSRF token (masked anew per render) and the typed username. */
    private static String normalised(ConsoleClient.Page page) {
        var html = page.html();
        html.select("input[name=_csrf]").remove();
        html.select("input[name=username]").removeAttr("value");
        return html.outerHtml();
    }
}
