package org.opsdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.opsdesk.access.keys.ApiKeySecrets;
import org.opsdesk.access.keys.ApiKeyStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API integration tests: the whole application on a random port over real PostgreSQL — the embedded
 * one in a fresh directory, or the server named by {@code -Dopsdesk.test.datasource.url} (CI's second run on
 * PostgreSQL 15). Every subclass shares one application context, and they run one after the other (the
 * integration-test run executes other classes, those that start Opsdesk as processes of their own, beside them).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "opsdesk.bootstrap-api-key=" + IntegrationTest.ADMIN_KEY,
            "opsdesk.admin-password=integration-tests-admin-password",
            "opsdesk.demo=false",
            "opsdesk.workflows.dir=src/test/resources/workflows-it",
            "opsdesk.actions.dir=src/test/resources/actions-it",
            "opsdesk.notifications.rules-dir=src/test/resources/notification-rules-it",
            "opsdesk.timers.poll-interval=PT0.2S",
            // the test clients stand in for a reverse proxy on this machine: they send each browser's address in
            // X-Forwarded-For, believed from loopback only (production trusts no proxy unless configured)
            "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1",
            "opsdesk.metrics.scrape-token=" + IntegrationTest.SCRAPE_TOKEN,
            // webhook deliveries go to local receivers (JDK HttpServer on 127.0.0.1, plain http) and retry fast
            "opsdesk.webhooks.allow-http=true",
            "opsdesk.webhooks.allowed-private-networks=127.0.0.1/32",
            "opsdesk.notifications.poll-interval=PT0.1S",
            "opsdesk.notifications.retry-delays=PT0S,PT0.2S,PT0.2S,PT0.2S,PT0.2S,PT0.2S,PT0.2S,PT0.2S",
            // tests fire bursts from one key; the limiter itself is tested with a key that sets a low rate
            "opsdesk.api.rate-limit.per-second=100000",
            // a real SMTP server (GreenMail) on MAIL_PORT, started by the tests that read mail; plain SMTP there
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.starttls.enable=false",
            "spring.mail.properties.mail.smtp.starttls.required=false",
            "opsdesk.notifications.email.from=Opsdesk Tests <opsdesk@example.com>",
            "opsdesk.notifications.team-mailboxes.cashier=cashier-desk@example.com",
            // deliveries that fail for good are reported here; endpoints without an owner are reported there
            "opsdesk.notifications.alert-mailbox=" + IntegrationTest.ALERT_MAILBOX,
            "opsdesk.notifications.integrations-mailbox=" + IntegrationTest.INTEGRATIONS_MAILBOX,
            // the public rates JSON may be read from this site's pages (CORS)
            "opsdesk.exchange.public.allowed-origins=" + IntegrationTest.RATES_ORIGIN,
            // the public endpoints' limit per address: room for every test's calls from loopback, and a refill slow
            // enough that a test's quick burst from one address is refused however slow the machine is
            "opsdesk.public.rate-limit.per-second=1",
            "opsdesk.public.rate-limit.burst=200",
            // the payment provider is a local server on PROVIDER_PORT (started by the provider tests; nothing listens
            // otherwise, so a call is refused at once); short timeouts and a fast resolver poll keep the tests quick
            "opsdesk.provider.signing-secret=" + IntegrationTest.PROVIDER_SECRET,
            "opsdesk.provider.credentials-header=X-Provider-Key",
            "opsdesk.provider.credentials=test-provider-credentials",
            "opsdesk.provider.attempt-timeout=PT1S",
            "opsdesk.provider.total-timeout=PT2.5S",
            "opsdesk.provider.retry-delay=PT0.05S",
            "opsdesk.provider.resolver.poll-interval=PT0.1S",
            "opsdesk.actions.resend.poll-interval=PT0.2S",
            "opsdesk.provider.resolver.lease=PT5S",
            // payout batches above 10,000.00 HKD need a second person (other currencies: always, the fail-safe)
            "opsdesk.banking.payouts.four-eyes-above.HKD=10000.00",
            "opsdesk.banking.payouts.four-eyes-above.QAR=10000.00"
        })
@Import({TestClock.Configuration.class, org.opsdesk.actions.TestWidgets.Configuration.class})
@Execution(ExecutionMode.SAME_THREAD)
public abstract class IntegrationTest {

    public static final String ADMIN_KEY = "opk_integration_tests_bootstrap_key_with_all_permissions";
    /** The password of the operators {@link #ensureOperator} creates. */
    public static final String OPERATOR_PASSWORD = "integration-tests-passphrase";

    /** The bearer token /actuator/prometheus wants. */
    public static final String SCRAPE_TOKEN = "integration-tests-scrape-token";

    public static final String RATES_ORIGIN = "https://rates.example.com";
    public static final String ALERT_MAILBOX = "ops-alerts@example.com";
    public static final String INTEGRATIONS_MAILBOX = "integrations@example.com";
    /** The SMTP port the application sends to; tests that read mail start GreenMail on it. */
    public static final int MAIL_PORT = freePort();
    /** The port of the SMS and push gateways the application posts to; tests that read them listen on it. */
    public static final int GATEWAY_PORT = freePort();
    /** The port of the payment provider the connector calls; the provider tests serve it (JDK HttpServer). */
    public static final int PROVIDER_PORT = freePort();
    /** The provider's signing secret (requests signed, callbacks verified). */
    public static final String PROVIDER_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1Kd2sdJH5sE=";
    /** The port of the test page that may frame the rates widget (its origin is the one allowed). */
    public static final int WIDGET_PARENT_PORT = freePort();

    private static final Path DATA = temporaryDataDirectory();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private ApiKeyStore keys;

    @Autowired
    private TestClock testClock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String external = System.getProperty("opsdesk.test.datasource.url", "");
        if (!external.isBlank()) {
            registry.add("spring.datasource.url", () -> external);
            registry.add(
                    "spring.datasource.username",
                    () -> System.getProperty("opsdesk.test.datasource.username", "postgres"));
            registry.add(
                    "spring.datasource.password", () -> System.getProperty("opsdesk.test.datasource.password", ""));
            registry.add("opsdesk.secret-key", () -> AppProcess.TEST_SECRET_KEY); // refused without one there
        } else {
            registry.add("opsdesk.data-dir", DATA::toString);
        }
        registry.add("spring.mail.port", () -> MAIL_PORT);
        registry.add("opsdesk.notifications.sms.url", () -> "http://127.0.0.1:" + GATEWAY_PORT + "/sms");
        registry.add("opsdesk.notifications.sms.auth-value", () -> "Bearer test-sms-key");
        registry.add("opsdesk.notifications.push.url", () -> "http://127.0.0.1:" + GATEWAY_PORT + "/push");
        registry.add("opsdesk.provider.base-url", () -> "http://127.0.0.1:" + PROVIDER_PORT + "/provider");
        registry.add("opsdesk.exchange.widget.allowed-origins", () -> "http://127.0.0.1:" + WIDGET_PARENT_PORT);
    }

    /**
     * The application's clock, which a test may move ({@link TestClock#advance}) instead of waiting for a deadline
     * or rewinding times in tables; it is reset after every test.
     */
    protected TestClock clock() {
        return testClock;
    }

    @AfterEach
    void resetTheClock() {
        testClock.reset();
    }

    private Set<UUID> webhookEndpointsBefore = Set.of();

    @BeforeEach
    void noteTheWebhookEndpoints() {
        webhookEndpointsBefore = Set.copyOf(webhookEndpointIds());
    }

    /**
     * Deletes (through the API, as an integrator would) the webhook endpoints this test registered. Every class
     * shares one application: an endpoint left subscribed to {@code *} after its receiver stopped gets a delivery for
     * every later operation change in every later class, each failing its retries and then emailing the alert
     * mailbox — thousands of alerts that once delayed a sign-in lock alert past its test's 20 s. Endpoints from a
     * class's {@code @BeforeAll} existed before each test and stay for the class.
     */
    @AfterEach
    void deleteTheWebhookEndpointsOfThisTest() {
        for (UUID id : webhookEndpointIds()) {
            if (!webhookEndpointsBefore.contains(id)) {
                var deleted = api().delete("/api/v1/webhooks/" + id);
                if (deleted.status() != 204 && deleted.status() != 404) {
                    throw new AssertionError("deleting webhook endpoint " + id + ": " + deleted.status());
                }
            }
        }
    }

    private List<UUID> webhookEndpointIds() {
        return jdbc.sql("select id from notifications.webhook_endpoint")
                .query(UUID.class)
                .list();
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port, ADMIN_KEY);
    }

    /** A client whose key holds exactly these permissions. */
    protected ApiClient apiWith(String... permissions) {
        String secret = ApiKeySecrets.generate();
        keys.create(
                "test-" + UUID.randomUUID(),
                secret,
                List.of(permissions),
                Instant.now().plus(java.time.Duration.ofDays(30)),
                "tests",
                Instant.now());
        return api().withKey(secret);
    }

    /** A key the operator created, as the console does (created by {@code operator:<username>}). */
    protected ApiClient keyOf(String username, String... permissions) {
        String secret = ApiKeySecrets.generate();
        keys.create(
                "key of " + username,
                secret,
                List.of(permissions),
                Instant.now().plus(java.time.Duration.ofDays(1)),
                "operator:" + username,
                Instant.now());
        return api().withKey(secret);
    }

    /**
     * Makes sure an operator with these roles exists (created through the administration API), past the change of
     * the administrator-set password the first sign-in asks for.
     */
    protected String ensureOperator(String username, String... roles) {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"" + username
                + "\",\"password\":\"" + OPERATOR_PASSWORD + "\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        var response = api().post("/api/v1/operators", body);
        if (response.status() != 201 && response.status() != 409) {
            throw new AssertionError("operator " + username + ": " + response.status() + " " + response.body());
        }
        // stands for an operator who has since chosen their own password (the change itself is tested on its own)
        jdbc.sql("update access.operator set password_change_required = false where username = ?")
                .param(username)
                .update();
        return username;
    }

    protected JsonNode create(Operations operation) {
        var response = api().post("/api/v1/operations", operation.json());
        if (response.status() != 201) {
            throw new AssertionError("create failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    protected ApiClient.Response transition(String id, String to, String reason) {
        String body =
                reason == null ? "{\"to\":\"" + to + "\"}" : "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
        return api().post("/api/v1/operations/" + id + "/transitions", body);
    }

    /** Merges {@code attributesJson} (a JSON object) into the operation's attributes, as an integrator's PATCH does. */
    protected ApiClient.Response editAttributes(String id, String attributesJson) {
        return api().send(
                        "PATCH",
                        "/api/v1/operations/" + id,
                        ("{\"attributes\":" + attributesJson + ",\"reason\":\"triage\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/merge-patch+json");
    }

    /**
     * Under target/, not /tmp: the embedded PostgreSQL's files (50–230 MB a run) go with {@code mvn clean} instead of
     * piling up in /tmp run after run; the server stops as the JVM exits, so nothing could delete them earlier.
     */
    private static Path temporaryDataDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
