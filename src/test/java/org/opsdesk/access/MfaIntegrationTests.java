package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.support.Authenticator.code;
import static org.opsdesk.support.Authenticator.freshStep;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Authenticator;
import org.opsdesk.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/** Two-step verification over real HTTP: enrolment, TOTP codes, replay, drift, lockout, recovery codes. */
class MfaIntegrationTests extends SignInTestSupport {

    @Autowired
    private TestClock clock;

    @Test
    void enrollingWhileSignedInAsksForThePasswordToo() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var page = browser.get("/account/mfa");
        byte[] secret =
                Authenticator.secret(page.html().selectFirst("#mfa-secret").text());

        var withoutPassword = browser.post("/account/mfa", "code", code(secret, freshStep()));
        var wrongPassword =
                browser.post("/account/mfa", "code", code(secret, freshStep()), "password", "not my password");

        assertThat(withoutPassword.alert()).isEqualTo("The password is not right.");
        assertThat(wrongPassword.alert()).isEqualTo("The password is not right.");
        assertThat(operators.find(username).orElseThrow().mfaEnabled()).isFalse();
        assertThat(eventDetails(username, "mfa_failed")).contains("wrong_password");
        enrol(browser); // with the password
        assertThat(operators.find(username).orElseThrow().mfaEnabled()).isTrue();
    }

    @Test
    void anOperatorTurnsOffTheirOwnSecondFactorOnlyWithThePasswordAndACurrentCode() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);
        String nextCode = code(enrolment.secret(), enrolment.step() + 1);
        browser.get("/account/mfa");

        var wrongCode = browser.post("/account/mfa/reset", "password", PASSWORD, "code", "not a code");
        var wrongPassword = browser.post("/account/mfa/reset", "password", "not my password", "code", nextCode);
        assertThat(wrongCode.alert()).isEqualTo("The password or the code is not right.");
        assertThat(wrongPassword.alert()).isEqualTo("The password or the code is not right.");
        assertThat(operators.find(username).orElseThrow().mfaEnabled()).isTrue();

        var reset = browser.post("/account/mfa/reset", "password", PASSWORD, "code", nextCode);

        assertThat(reset.location()).isEqualTo("/login?ended");
        assertThat(operators.find(username).orElseThrow().mfaEnabled()).isFalse();
        assertThat(eventDetails(username, "mfa_reset")).contains("\"self\": true");
        assertThat(browser.get("/").location()).startsWith("/login");
    }

    @Test
    void takesTheCodeOfTheApplicationsClockNotTheMachines() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);
        try {
            clock.advance(Duration.ofHours(2));
            long applicationStep = Authenticator.step(clock.instant());

            var machineTime = browser();
            machineTime.signIn(username, PASSWORD);
            assertThat(machineTime
                            .post("/login/code", "code", code(enrolment.secret(), Authenticator.currentStep()))
                            .alert())
                    .as("the machine's time is two hours behind the application's")
                    .isNotNull();
            var applicationTime = browser();
            applicationTime.signIn(username, PASSWORD);
            assertThat(applicationTime
                            .post("/login/code", "code", code(enrolment.secret(), applicationStep))
                            .location())
                    .isEqualTo("/");
        } finally {
            clock.reset();
        }
    }

    @Test
    void enrolsAndThenSignsInWithACodeThatCanBeUsedOnlyOnce() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);

        String stored = jdbc.sql("select mfa_secret from access.operator where username = ?")
                .param(username)
                .query(String.class)
                .single();
        assertThat(stored)
                .startsWith("v1:")
                .doesNotContain(new org.apache.commons.codec.binary.Base32()
                        .encodeAsString(enrolment.secret())
                        .replace("=", ""));
        assertThat(recoveryCodesLeft(username)).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from access.mfa_recovery_code where operator_id = ? and code_hash = ?")
                        .params(idOf(username), sha256(enrolment.recoveryCodes().get(0)))
                        .query(Integer.class)
                        .single())
                .as("kept as SHA-256 of the code")
                .isEqualTo(1);
        browser.post("/logout");

        var fresh = browser();
        var password = fresh.signIn(username, PASSWORD);
        assertThat(password.location()).isEqualTo("/login/code");
        assertThat(fresh.get("/").location()).as("nothing else until the code").isEqualTo("/login/code");
        var codePage = fresh.get("/login/code");
        assertThat(codePage.html().selectFirst("input#code").attr("autocomplete"))
                .isEqualTo("one-time-code");
        String next = code(enrolment.secret(), enrolment.step() + 1); // the clock may run one step ahead
        var signedIn = fresh.post("/login/code", "code", next);
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(fresh.get("/").status()).isEqualTo(200);
        assertThat(eventDetails(username, "login_succeeded")).contains("totp");

        var replay = browser();
        replay.signIn(username, PASSWORD);
        var replayed = replay.post("/login/code", "code", next);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.alert()).contains("not correct, or it has already been used");
        assertThat(eventDetails(username, "mfa_failed")).contains("code_already_used");
        assertThat(events(username)).contains("mfa_enrolled " + browser.ip(), "mfa_failed " + replay.ip());
    }

    @Test
    void acceptsTheCodeOfThePreviousStep() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);
        jdbc.sql("update access.operator set mfa_last_step = mfa_last_step - 5 where username = ?")
                .param(username)
                .update();

        var again = browser();
        again.signIn(username, PASSWORD);
        long now = freshStep();
        var signedIn = again.post("/login/code", "code", code(enrolment.secret(), now - 1));

        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(stepOf(username)).isEqualTo(now - 1);
    }

    @Test
    void locksTheAccountAfterFiveWrongCodes() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);
        long now = freshStep();
        String wrong = LongStream.range(0, 1_000_000)
                .mapToObj(n -> String.format("%06d", n))
                .filter(c -> LongStream.rangeClosed(now - 1, now + 2)
                        .noneMatch(s -> code(enrolment.secret(), s).equals(c)))
                .findFirst()
                .orElseThrow();

        var attacker = browser();
        attacker.signIn(username, PASSWORD);
        for (int i = 0; i < 4; i++) {
            var refused = attacker.post("/login/code", "code", wrong);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.alert()).contains("not correct");
        }
        var fifth = attacker.post("/login/code", "code", wrong);

        assertThat(fifth.location()).isEqualTo("/login?restart");
        assertThat(operators.find(username).orElseThrow().lockedUntil()).isAfter(Instant.now());
        assertThat(eventDetails(username, "account_locked")).contains("\"after\": \"code\"");
        var owner = browser().signIn(username, PASSWORD);
        assertThat(owner.status())
                .as("locked: even the right password is refused")
                .isEqualTo(200);
        assertThat(owner.alert()).contains("username or password is not correct");
    }

    @Test
    void acceptsARecoveryCodeOnce() throws InterruptedException {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var enrolment = enrol(browser);
        String recovery = enrolment.recoveryCodes().get(3);

        var lostPhone = browser();
        lostPhone.signIn(username, PASSWORD);
        var signedIn = lostPhone.post("/login/code", "code", recovery.toUpperCase(java.util.Locale.ROOT));
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(recoveryCodesLeft(username)).isEqualTo(9);
        assertThat(eventDetails(username, "mfa_recovery_code_used")).contains("\"remaining\": 9");
        assertThat(eventDetails(username, "login_succeeded")).contains("recovery_code");

        var again = browser();
        again.signIn(username, PASSWORD);
        var reused = again.post("/login/code", "code", recovery);
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.alert()).contains("not correct");
    }

    @Test
    void aRoleRequiringMfaSendsTheOperatorToEnrolBeforeAnythingElse() throws InterruptedException {
        String username = operator("supervisor");
        var browser = browser();
        var password = browser.signIn(username, PASSWORD);
        assertThat(password.location()).isEqualTo("/account/mfa");
        assertThat(browser.get("/").location()).isEqualTo("/account/mfa");
        assertThat(browser.get("/account/mfa")
                        .html()
                        .selectFirst("[role=status]")
                        .text())
                .isEqualTo("Your role requires two-step verification. Set it up to continue.");
        assertThat(events(username)).as("not signed in yet").isEmpty();

        enrol(browser);

        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(eventDetails(username, "login_succeeded")).contains("enrolled");
        var mfaPage = browser.get("/account/mfa");
        assertThat(mfaPage.html().text())
                .contains("Two-step verification is on")
                .contains("Unused recovery codes: 10");
    }

    @Test
    void aRoleThatStartsRequiringMfaSendsASignedInOperatorToEnrolAtTheNextRequest() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        var operator = operators.find(username).orElseThrow();
        operators.updateProfile(
                new org.opsdesk.access.operators.Operator(
                        operator.id(),
                        operator.username(),
                        operator.displayName(),
                        operator.email(),
                        operator.phone(),
                        operator.locale(),
                        java.util.List.of("operator", "supervisor"),
                        operator.enabled(),
                        operator.mfaEnabled(),
                        operator.lockedUntil(),
                        operator.createdAt(),
                        operator.updatedAt(),
                        operator.lastLoginAt(),
                        operator.deletedAt()),
                Instant.now());

        assertThat(browser.get("/").location()).isEqualTo("/account/mfa");
        assertThat(browser.get("/account/mfa").html().selectFirst("[role=status]"))
                .as("the page says why")
                .isNotNull();
    }

    @Test
    void anOperatorWithoutASignedInOrEnrollingSessionCannotReachTheMfaPage() {
        assertThat(browser().get("/account/mfa").location()).isEqualTo("/login");
        assertThat(browser().get("/login/code").location()).isEqualTo("/login");
    }

    private int recoveryCodesLeft(String username) {
        return jdbc.sql("select count(*) from access.mfa_recovery_code where operator_id = ?")
                .param(idOf(username))
                .query(Integer.class)
                .single();
    }

    private long stepOf(String username) {
        return jdbc.sql("select mfa_last_step from access.operator where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private static byte[] sha256(String code) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(code.replace("-", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
