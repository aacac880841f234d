package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Operators, browsers and authenticator codes for the sign-in tests. */
abstract class SignInTestSupport extends IntegrationTest {

    static final String PASSWORD = "correct horse battery staple 42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final TimeBasedOneTimePasswordGenerator AUTHENTICATOR = new TimeBasedOneTimePasswordGenerator();

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

    /** What an authenticator app shows for this secret at this 30-second step. */
    static String code(byte[] secret, long step) {
        try {
            return AUTHENTICATOR.generateOneTimePasswordString(
                    new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * 30));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current step, waiting first if it is about to end (so a code computed now is still "now" when sent). */
    static long freshStep() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 30;
        if (second >= 25) {
            Thread.sleep((31 - second) * 1000);
        }
        return Instant.now().getEpochSecond() / 30;
    }

    record Enrolment(byte[] secret, List<String> recoveryCodes, long step) {}

    /** Enrols the browser's operator from the MFA page, as a person would with their phone. */
    protected Enrolment enrol(ConsoleClient browser) throws InterruptedException {
        var page = browser.get("/account/mfa");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("img.qr").attr("src")).startsWith("data:image/svg+xml;base64,");
        byte[] secret = new Base32()
                .decode(page.html().selectFirst("#mfa-secret").text().replace(" ", ""));
        assertThat(secret).hasSize(20);
        long step = freshStep();
        var done = browser.post("/account/mfa", "code", code(secret, step));
        assertThat(done.status()).isEqualTo(200);
        var codes = done.html().select(".recovery-codes code").eachText();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        return new Enrolment(secret, codes, step);
    }
}
