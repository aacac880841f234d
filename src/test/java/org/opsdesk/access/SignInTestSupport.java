package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.support.Authenticator.code;
import static org.opsdesk.support.Authenticator.freshStep;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.support.Authenticator;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Operators, browsers and authenticator codes for the sign-in tests. */
abstract class SignInTestSupport extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple 42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    protected OperatorStore operators;

    @Autowired
    private PasswordEncoder passwords;

    /** A new operator with these roles and {@link #PASSWORD}. */
    protected String operatorSpeaking(String locale, String... roles) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        boolean created = operators.insert(
                new Operator(
                        UUID.randomUUID(),
                        username,
                        "Test " + username,
                        null,
                        null,
                        locale,
                        List.of(roles),
                        true,
                        false,
                        null,
                        Instant.now(),
                        null,
                        null,
                        null),
                passwords.encode(PASSWORD));
        assertThat(created).isTrue();
        return username;
    }

    protected String operator(String... roles) {
        return operatorSpeaking("en", roles);
    }

    /** A browser at an address of its own (TEST-NET-2), so per-address limits of one test do not touch another. */
    protected ConsoleClient browser() {
        int n = ADDRESSES.incrementAndGet();
        return new ConsoleClient(port, "198.51." + (100 + n / 250) + "." + (1 + n % 250));
    }

    /** A role (created through the API, kept when it exists) without a second factor, so a sign-in is one step. */
    protected String roleWithoutMfa(String name, String... permissions) {
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"" + name + "\",\"description\":\""
                                + getClass().getSimpleName()
                                + "\",\"permissions\":[\"" + String.join("\",\"", permissions)
                                + "\"],\"mfaRequired\":false}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return name;
    }

    /** A browser signed in as an operator whose roles need no second factor. */
    protected ConsoleClient signedInAs(String username) {
        var browser = browser();
        assertThat(browser.signIn(username, PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    protected UUID idOf(String username) {
        return operators.find(username).orElseThrow().id();
    }

    /** The security events about an operator, oldest first, as "kind ip". */
    protected List<String> events(String username) {
        return jdbc.sql(
                        "select kind || ' ' || coalesce(ip, '-') from access.security_event where target = ? order by id")
                .param(SecurityLog.operator(username))
                .query(String.class)
                .list();
    }

    protected String eventDetails(String username, String kind) {
        return jdbc.sql(
                        "select details::text from access.security_event where target = ? and kind = ? order by id desc limit 1")
                .params(SecurityLog.operator(username), kind)
                .query(String.class)
                .single();
    }

    record Enrolment(byte[] secret, List<String> recoveryCodes, long step) {}

    /** Enrols the browser's operator from the MFA page, as a person would with their phone. */
    protected Enrolment enrol(ConsoleClient browser) throws InterruptedException {
        var page = browser.get("/account/mfa");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("img.qr").attr("src")).startsWith("data:image/svg+xml;base64,");
        byte[] secret =
                Authenticator.secret(page.html().selectFirst("#mfa-secret").text());
        assertThat(secret).hasSize(20);
        long step = freshStep();
        var done = page.html().selectFirst("#mfa-password") == null
                ? browser.post("/account/mfa", "code", code(secret, step))
                : browser.post("/account/mfa", "code", code(secret, step), "password", PASSWORD); // signed in already
        assertThat(done.status()).isEqualTo(200);
        var codes = done.html().select(".recovery-codes code").eachText();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolment(secret, codes, step);
    }

    /** A fresh browser at an address of its own that tries ten wrong passwords on the account (which locks it). */
    protected ConsoleClient tenWrongPasswords(String username) {
        var attacker = browser();
        attacker.get("/login");
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post("/login", "username", username, "password", "wrong " + i)
                            .status())
                    .isEqualTo(200);
        }
        return attacker;
    }
}
