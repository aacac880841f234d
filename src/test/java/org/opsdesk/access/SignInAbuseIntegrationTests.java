package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.support.Authenticator.code;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in under abuse (review of 2026-12): oversized forms, a throttled address hammering the insert-only
 * security log, and an attacker trying to lock an account's owner out. Each of these failed before the fix.
 */
class SignInAbuseIntegrationTests extends SignInTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesAnOversizedSignInFormWithA413PageAndLogsNothing() {
        var browser = browser();
        browser.get("/login");
        String huge = randomText(300_000);

        var answer = browser.post("/login", "username", huge, "password", "x");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.html().selectFirst("h1").text()).isEqualTo("Form too large");
        assertThat(jdbc.sql("select count(*) from access.security_event where ip = ?")
                        .param(browser.ip())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(browser.get("/login").status()).as("the form still answers").isEqualTo(200);
    }

    @Test
    void logsAThrottledAddressOncePerWindowWithTheUsernameCutAndBothAddresses() {
        var attacker = browser();
        attacker.get("/login");
        for (int i = 0; i < 50; i++) {
            attacker.post("/login", "username", "guess-" + i, "password", "guess");
        }
        String longName = randomText(10_000);
        for (int i = 0; i < 5; i++) {
            var throttled = attacker.post("/login", "username", longName + i, "password", "guess");
            assertThat(throttled.status()).isEqualTo(429);
        }

        var logged = jdbc.sql("select target, peer_ip from access.security_event where kind = 'login_throttled'"
                        + " and ip = ?")
                .param(attacker.ip())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .list();
        assertThat(logged).as("once per address and window").hasSize(1);
        assertThat(logged.get(0))
                .startsWith("operator:" + longName.substring(0, 100))
                .endsWith("…[truncated, 10010 chars] 127.0.0.1")
                .hasSizeLessThan(300);
    }

    @Test
    void recordsTheConnectingPeerBesideTheForwardedAddress() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);

        assertThat(jdbc.sql("select ip || ' ' || peer_ip from access.security_event where target = ?")
                        .param("operator:" + username)
                        .query(String.class)
                        .single())
                .isEqualTo(browser.ip() + " 127.0.0.1");
    }

    @Test
    void tenWrongPasswordsFromOneAddressDoNotKeepTheOwnerWithACodeOut() throws InterruptedException {
        String username = operator("support");
        var owner = browser();
        owner.signIn(username, PASSWORD);
        var enrolment = enrol(owner);
        owner.post("/logout");
        double locksBefore = locks("address") + locks("account");

        var attacker = tenWrongPasswords(username);

        assertThat(events(username))
                .contains("account_address_locked " + attacker.ip(), "account_locked " + attacker.ip());
        assertThat(eventDetails(username, "account_locked")).contains("\"hard\": false");
        assertThat(locks("address") + locks("account")).isEqualTo(locksBefore + 2);
        assertThat(attacker.signIn(username, PASSWORD).status())
                .as("the attacker's address stays locked even with the password")
                .isEqualTo(200);

        var password = owner.signIn(username, PASSWORD);
        assertThat(password.location())
                .as("the soft lock is passed with the code")
                .isEqualTo("/login/code");
        var signedIn = owner.post("/login/code", "code", code(enrolment.secret(), enrolment.step() + 1));
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(owner.get("/").status()).isEqualTo(200);
    }

    @Test
    void makesAnAddressWaitLongerAfterEachFailureWithoutCheckingItsPasswords() {
        String username = operator("support");
        var guesser = browser();
        guesser.get("/login");
        for (int i = 0; i < 6; i++) { // from the third on: 1 s, 2 s, 4 s, then 8 s to wait
            guesser.post("/login", "username", username, "password", "wrong " + i);
        }

        var tooSoon = guesser.post("/login", "username", username, "password", PASSWORD);

        assertThat(tooSoon.status()).as("even the right password, too soon").isEqualTo(200);
        assertThat(eventDetails(username, "login_failed")).contains("retry_too_soon");
        assertThat(browser().signIn(username, PASSWORD).location())
                .as("another address is not held back")
                .isEqualTo("/");
    }

    private double locks(String scope) {
        return meters.find("opsdesk.sign_in.locks").tag("scope", scope).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static String randomText(int length) {
        byte[] random = new byte[length / 2];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
