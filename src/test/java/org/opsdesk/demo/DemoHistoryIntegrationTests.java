package org.opsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.portal.PortalVisitor;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;
import tools.jackson.databind.JsonNode;

/**
 * The demo as `mvn spring-boot:run` starts it on an empty database (a process of its own, demo mode on): 30 days of
 * past activity that fill every figure of the dashboard, each seeded operation's history chain valid, a demo portal
 * client who signs in with the credentials written once and finds her orders, and a restart on the same data that
 * seeds nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryIntegrationTests {

    private static final Pattern DEMO_KEY =
            Pattern.compile("demo API key \\(all permissions[^)]*\\): (opk_[A-Za-z0-9_-]+)");
    private static final Pattern LOADED = Pattern.compile("Loaded (\\d+) demo operations .* in (\\d+) ms");
    private static final Pattern PORTAL_CLIENT =
            Pattern.compile("demo portal client \\(sign in at (\\S+)\\): (\\S+) password: (\\S+)");
    private static final String PORTAL_CLIENT_CREATED = "Created the demo portal client";

    @TempDir
    static Path temp;

    private Map<String, String> environment;
    private AppProcess app;
    private ApiClient api;
    private String key;
    private Instant started;

    @BeforeAll
    void startTheDemoOnAnEmptyDatabase() throws Exception {
        environment =
                new HashMap<>(Map.of("OPSDESK_DATA_DIR", temp.resolve("data").toString(), "OPSDESK_DEMO", "true"));
        if (AppProcess.usesExternalDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", AppProcess.freshExternalDatabase("opsdesk_demo_history"));
        }
        started = Instant.now();
        app = AppProcess.start(environment, temp.resolve("first.log"));
        var loaded = LOADED.matcher(app.log());
        assertThat(loaded.find()).as("the demo loaded").isTrue();
        System.out.println("Demo seeding: " + loaded.group(1) + " operations in " + loaded.group(2) + " ms");
        var demoKey = DEMO_KEY.matcher(credentialsFile());
        assertThat(demoKey.find()).isTrue();
        key = demoKey.group(1);
        api = new ApiClient(app.baseUrl(), key);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void fillsEveryFigureOfTheDashboard() {
        var response = api.get("/api/v1/reports/dashboard");
        assertThat(response.status()).isEqualTo(200);
        JsonNode dashboard = response.json();

        var bucketsWithWork = new HashSet<String>();
        dashboard.get("backlog").forEach(row -> row.get("buckets").properties().forEach(bucket -> {
            if (bucket.getValue().asLong() > 0) {
                bucketsWithWork.add(bucket.getKey());
            }
        }));
        assertThat(bucketsWithWork).as("backlog age buckets holding work").hasSizeGreaterThanOrEqualTo(4);

        long breached = 0;
        for (JsonNode row : dashboard.get("slaBreaches")) {
            breached += row.get("breached").asLong();
        }
        assertThat(breached).as("SLA breaches").isPositive();

        int daysCreated = 0;
        int daysCompleted = 0;
        for (JsonNode day : dashboard.get("daily")) {
            daysCreated += day.get("created").asLong() > 0 ? 1 : 0;
            daysCompleted += day.get("completed").asLong() > 0 ? 1 : 0;
        }
        assertThat(daysCreated)
                .as("days of the last 30 with operations created")
                .isGreaterThanOrEqualTo(20);
        assertThat(daysCompleted)
                .as("days of the last 30 with operations completed")
                .isGreaterThanOrEqualTo(20);

        int stagesTimed = 0;
        for (JsonNode stage : dashboard.get("stageTimes")) {
            stagesTimed += stage.get("visits").asLong() > 0
                            && stage.get("medianSeconds").asDouble() > 0
                    ? 1
                    : 0;
        }
        assertThat(stagesTimed).as("stages with a time in stage").isGreaterThanOrEqualTo(20);

        var movers = new HashSet<String>();
        var checkers = new HashSet<String>();
        var handlers = new HashSet<String>();
        for (JsonNode operator : dashboard.get("operators")) {
            String who = operator.get("operator").asString();
            if (operator.get("transitions").asLong() > 0) {
                movers.add(who);
            }
            if (operator.get("approvals").asLong() > 0) {
                checkers.add(who);
            }
            if (operator.get("handled").asLong() > 0
                    && operator.get("medianHandlingSeconds").asDouble() > 0) {
                handlers.add(who);
            }
        }
        assertThat(movers).as("operators who moved operations").hasSizeGreaterThanOrEqualTo(4);
        assertThat(checkers).as("operators who approved four-eyes moves").hasSizeGreaterThanOrEqualTo(2);
        assertThat(handlers).as("operators with handling times").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void opensTheExchangeDeskWithItsCurrenciesEcbRatesAndAccountsAtTwoBanks() {
        var enabled = new java.util.ArrayList<String>();
        for (JsonNode currency : api.get("/api/v1/exchange/currencies").json().get("items")) {
            if (currency.get("enabled").asBoolean()) {
                enabled.add(currency.get("code").asString());
            }
        }
        assertThat(enabled).containsExactlyInAnyOrder("PLN", "EUR", "USD", "GBP", "CHF");

        var rates = api.get("/api/v1/exchange/rates").json().get("items");
        assertThat(rates).hasSize(5);
        for (JsonNode rate : rates) {
            assertThat(rate.get("source").asString()).isEqualTo("ecb");
            assertThat(rate.get("quotable").asBoolean()).isTrue();
            assertThat(new java.math.BigDecimal(rate.get("sell").asString()))
                    .isGreaterThan(new java.math.BigDecimal(rate.get("buy").asString()));
        }
        // EUR/PLN around the ECB's 4.2543 of 13 April 2026, 1.5% wide
        JsonNode eurPln = null;
        for (JsonNode rate : rates) {
            if (rate.get("base").asString().equals("EUR")
                    && rate.get("quote").asString().equals("PLN")) {
                eurPln = rate;
            }
        }
        assertThat(eurPln).isNotNull();
        assertThat(eurPln.get("buy").asString()).isEqualTo("4.2223");
        assertThat(eurPln.get("sell").asString()).isEqualTo("4.2863");
        assertThat(eurPln.get("mode").asString()).isEqualTo("automatic");

        var accounts =
                api.get("/api/v1/exchange/bank-accounts?limit=100").json().get("items");
        assertThat(accounts).hasSize(10);
    }

    @Test
    @Order(2)
    void everySeededOperationHasAPastAndAValidHistoryChain() {
        Map<String, Long> versions = seededVersions();
        assertThat(versions).hasSizeGreaterThan(300);
        Instant oldest = Instant.now();
        for (String id : versions.keySet()) {
            var verification = withinRateLimit("/api/v1/operations/" + id + "/history/verify");
            assertThat(verification.get("valid").asBoolean())
                    .as("history chain of %s: %s", id, verification)
                    .isTrue();
        }
        for (JsonNode type : api.get("/api/v1/workflows").json().get("items")) {
            var page = api.get("/api/v1/operations?limit=500&type="
                            + type.get("type").asString())
                    .json();
            for (JsonNode operation : page.get("items")) {
                Instant created = Instant.parse(operation.get("createdAt").asString());
                oldest = created.isBefore(oldest) ? created : oldest;
            }
        }
        assertThat(oldest).as("oldest operation").isBefore(Instant.now().minus(Duration.ofDays(25)));
    }

    @Test
    @Order(2)
    void theDemoPortalClientSignsInWithTheCredentialsWrittenOnceAndFindsHerOrdersInPolish() throws Exception {
        var credentials = PORTAL_CLIENT.matcher(credentialsFile());
        assertThat(credentials.find())
                .as("the demo portal client's credentials")
                .isTrue();
        String signIn = credentials.group(1);
        String email = credentials.group(2);
        String password = credentials.group(3);
        assertThat(signIn).isEqualTo("http://localhost:" + app.port() + "/portal/sign-in");
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(app.log())
                .contains(PORTAL_CLIENT_CREATED + " " + email + " with 3 orders: sign in at " + signIn)
                .doesNotContain(password);

        var portal = signedInToThePortal(email, password);
        assertThat(portal.get("/portal/home").html().getElementById("kyc-state").text())
                .isEqualTo("Zweryfikowana");
        var orders = portal.get("/portal/orders").html().select("#orders tbody tr");
        assertThat(orders).hasSize(3);
        assertThat(orders.eachText())
                .anyMatch(row -> row.contains("Oczekuje na Twoją wpłatę") && row.contains("300.00 EUR"))
                .anyMatch(row -> row.contains("Wygasłe"))
                .anyMatch(row -> row.contains("Zakończone") && row.contains("400.00 GBP"));

        String subject = null;
        for (var row : orders) {
            String id = row.selectFirst("a").attr("href").replace("/portal/orders/", "");
            subject = api.get("/api/v1/operations/" + id).json().get("subject").asString();
            String moves = movesOf(id);
            if (row.text().contains("Zakończone")) {
                assertThat(moves)
                        .contains("funds_received by cashier", "payout_pending by cashier")
                        .contains("completed by cashier");
            } else if (row.text().contains("Wygasłe")) {
                assertThat(moves).contains("expired by timer");
            } else {
                assertThat(moves).isEqualTo("awaiting_payment by portal");
            }
        }
        var verifications = api.get("/api/v1/operations?type=kyc_verification&subject=" + subject)
                .json()
                .get("items");
        assertThat(verifications).hasSize(1);
        assertThat(movesOf(verifications.get(0).get("id").asString()))
                .isEqualTo("submitted by portal, manual_review by portal, verified by compliance");
    }

    @Test
    @Order(2)
    void fillsTheRegistryThroughTheCatalogWithPersonsCompaniesAccountsAndTheirRecords() {
        assertThat(app.log()).contains("Demo registry: 5 persons, 2 companies, 6 accounts");
        assertThat(api.get("/api/v1/persons?limit=100").json().get("items")).hasSize(5);
        assertThat(api.get("/api/v1/companies?limit=100").json().get("items")).hasSize(2);
        assertThat(api.get("/api/v1/accounts?limit=100&kind=business").json().get("items"))
                .hasSize(2);
        assertThat(api.get("/api/v1/accounts?limit=100&status=suspended").json().get("items"))
                .hasSize(1);
        // the cancellation is applied once its checker approved it, after the start's own transaction
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/accounts?limit=100&status=cancelled")
                                .json()
                                .get("items"))
                        .hasSize(1));
        assertThat(api.get("/api/v1/accounts?limit=100&status=active").json().get("items"))
                .hasSize(4);

        String ana = null;
        for (JsonNode account : api.get("/api/v1/accounts?limit=100&kind=personal&status=active")
                .json()
                .get("items")) {
            if (api.get("/api/v1/accounts/" + account.get("id").asString() + "/pix-keys")
                            .json()
                            .get("items")
                            .size()
                    == 3) {
                ana = account.get("id").asString();
            }
        }
        assertThat(ana).as("the personal account with three Pix keys").isNotNull();
        var detail = api.get("/api/v1/accounts/" + ana).json();
        assertThat(detail.get("subAccounts")).hasSize(1);
        var users = api.get("/api/v1/accounts/" + ana + "/users").json().get("items");
        assertThat(users).hasSize(1);
        var devices = api.get("/api/v1/users/" + users.get(0).get("id").asString() + "/devices")
                .json()
                .get("items");
        assertThat(devices).hasSize(2);
        assertThat(devices.findValues("trusted").stream().filter(JsonNode::asBoolean))
                .hasSize(1);

        for (JsonNode business :
                api.get("/api/v1/accounts?limit=100&kind=business").json().get("items")) {
            assertThat(api.get("/api/v1/accounts/" + business.get("id").asString() + "/partners")
                            .json()
                            .get("items"))
                    .hasSize(2);
        }

        var actions = api.get("/api/v1/operations?limit=500&type=account_action")
                .json()
                .get("items");
        assertThat(actions.findValues("stage").stream().map(JsonNode::asString))
                .as("the lift of the suspension waits for its checker")
                .contains("requested");
        assertThat(actions.toString()).as("the actions taken").contains("account.suspend", "pix-key.create");
    }

    @Test
    @Order(3)
    void aRestartOnTheSameDataSeedsNothingMore() throws Exception {
        Map<String, Long> before = seededVersions();
        String credentials = credentialsFile();
        app.close();
        app = AppProcess.start(environment, temp.resolve("second.log"));
        api = new ApiClient(app.baseUrl(), key);
        assertThat(LOADED.matcher(app.log()).find()).as("demo loaded again").isFalse();
        assertThat(app.log()).as("demo portal client created again").doesNotContain(PORTAL_CLIENT_CREATED);
        assertThat(app.log()).as("demo registry seeded again").doesNotContain("Demo registry:");
        assertThat(credentialsFile()).as("credentials written again").isEqualTo(credentials);
        assertThat(seededVersions())
                .as("operations and their versions after the restart (a second client would add a verification)")
                .isEqualTo(before);
        var client = PORTAL_CLIENT.matcher(credentials);
        assertThat(client.find()).isTrue();
        assertThat(signedInToThePortal(client.group(2), client.group(3))
                        .get("/portal/orders")
                        .html()
                        .select("#orders tbody tr"))
                .hasSize(3);
    }

    private String credentialsFile() throws java.io.IOException {
        return Files.readString(temp.resolve("data").resolve("first-start-credentials.txt"));
    }

    /** A Polish browser signed in to the portal. */
    private PortalVisitor signedInToThePortal(String email, String password) {
        var portal = new PortalVisitor(app.port(), "198.51.100.20").header("Accept-Language", "pl");
        portal.get("/portal/sign-in");
        var signedIn = portal.post("/portal/sign-in", "email", email, "password", password);
        assertThat(signedIn.location()).as("signed in").isEqualTo("/portal/home");
        return portal;
    }

    /** The operation's moves, oldest first: "stage by actor", joined by ", ". */
    private String movesOf(String operation) {
        var moves = new java.util.ArrayList<String>();
        for (JsonNode entry :
                api.get("/api/v1/operations/" + operation + "/history").json().get("items")) {
            if (entry.get("from").isNull() || !entry.get("from").equals(entry.get("to"))) {
                moves.add(entry.get("to").get("stage").asString() + " by "
                        + entry.get("actor").get("id").asString());
            }
        }
        return String.join(", ", moves);
    }

    /** Every operation's id and version (which every change to it raises), over all types. */
    private Map<String, Long> seededVersions() {
        var versions = new HashMap<String, Long>();
        for (JsonNode type : api.get("/api/v1/workflows").json().get("items")) {
            var page = api.get("/api/v1/operations?limit=500&type="
                            + type.get("type").asString())
                    .json();
            page.get("items")
                    .forEach(o -> versions.put(
                            o.get("id").asString(), o.get("version").asLong()));
        }
        return versions;
    }

    /**
     * A GET as a well-behaved client makes it under the demo key's rate limit (100 requests per second, as
     * shipped): a 429 is retried after its Retry-After. The verification loop alone sends 360 requests.
     */
    private JsonNode withinRateLimit(String path) {
        for (int attempt = 0; ; attempt++) {
            var response = api.get(path);
            if (response.status() != 429 || attempt == 50) {
                assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
                return response.json();
            }
            String retryAfter = response.header("Retry-After");
            try {
                Thread.sleep(retryAfter == null ? 200 : Math.max(100, Long.parseLong(retryAfter.strip()) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
