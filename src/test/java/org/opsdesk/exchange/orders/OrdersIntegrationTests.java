package org.opsdesk.exchange.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Orders through {@code /api/v1/exchange/orders}: priced, paired, referenced and timed as the desk is configured
 * (through its own API), refused field by field with nothing stored, expired by the timer at their own deadline,
 * re-rated with four-eyes beyond the configured difference, and cancelled from any open stage with a reason.
 * The desk here: DKK (2 decimals) against CLP (0 decimals); no other test class has CLP accounts, whose pairing these
 * tests count on.
 */
class OrdersIntegrationTests extends IntegrationTest {

    static final String ORDERS = "/api/v1/exchange/orders";

    /** The office's CLP accounts: the default at PKO BP, a second at mBank; created once for the class. */
    static String pkoIsk;

    static String mbankIsk;
    static String mbankIban;

    @BeforeEach
    void desk() {
        put(
                "/api/v1/exchange/currencies/DKK",
                "{\"enabled\":true,\"minAmount\":\"10.00\",\"maxAmount\":\"100000.00\",\"paymentWindow\":\"PT20M\"}");
        put("/api/v1/exchange/currencies/CLP", "{\"enabled\":true,\"paymentWindow\":\"PT15M\"}");
        put("/api/v1/exchange/currencies/NOK", "{\"enabled\":true}");
        put("/api/v1/exchange/rates/DKK/CLP", "{\"buy\":\"19.50\",\"sell\":\"20.10\",\"mode\":\"automatic\"}");
        put("/api/v1/exchange/rates/NOK/CLP", "{\"buy\":\"12.40\",\"sell\":\"12.90\"}");
        if (pkoIsk == null) {
            pkoIsk = account("PKO BP", TestIbans.polish(TestIbans.PKO), "CLP");
            mbankIban = TestIbans.polish(TestIbans.MBANK);
            mbankIsk = account("mBank", mbankIban, "CLP");
            account("PKO BP", TestIbans.polish(TestIbans.PKO), "DKK");
        }
    }

    @Test
    void placesAnOrderPricedInTheOfficesFavourPairedByBankWithAReferenceAndTheDeadlineOfThePayCurrency() {
        Instant before = clock().instant();
        String payFrom = TestIbans.polish(TestIbans.MBANK);

        var placed = api().post(ORDERS, order("buy", "100.05", "DKK", payFrom));
        Instant after = clock().instant();

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        // 100.05 DKK × 20.10 = 2011.005 CLP: the client pays 2012 (CLP has no decimals; rounded up)
        assertThat(order.get("pay").get("value").asString()).isEqualTo("2012");
        assertThat(order.get("pay").get("currency").asString()).isEqualTo("CLP");
        assertThat(order.get("receive").get("value").asString()).isEqualTo("100.05");
        assertThat(order.get("rate").asString()).isEqualTo("20.10");
        assertThat(order.get("stage").asString()).isEqualTo("awaiting_payment");
        assertThat(order.get("payIn").get("bankAccountId").asString()).isEqualTo(mbankIsk);
        assertThat(order.get("payIn").get("pairedByBank").asBoolean()).isTrue();
        assertThat(Instant.parse(order.get("deadline").asString()))
                .as("the window of CLP, the currency paid in")
                .isBetween(before.plus(Duration.ofMinutes(15)), after.plus(Duration.ofMinutes(15)));
        String reference = order.get("paymentReference").asString();
        assertThat(PaymentReference.parse("reference", reference).value()).isEqualTo(reference);
        assertThat(placed.header("Location"))
                .isEqualTo(ORDERS + "/" + order.get("id").asString());

        var operation =
                api().get("/api/v1/operations/" + order.get("id").asString()).json();
        assertThat(operation.get("type").asString()).isEqualTo("exchange_order");
        assertThat(operation.get("reference").asString()).isEqualTo(reference);
        assertThat(operation.get("amount").get("value").asString()).isEqualTo("2012");
        assertThat(operation.get("attributes").get("paymentReference").asString())
                .isEqualTo(PaymentReference.parse("r", reference).printed());
        assertThat(api().get(ORDERS + "/" + order.get("id").asString())
                        .json()
                        .get("paymentReference")
                        .asString())
                .isEqualTo(reference);
    }

    @Test
    void withoutTheAccountThePaymentComesFromTheCurrencysDefaultAccountIsTaken() {
        Instant before = clock().instant();
        var placed = api().post(ORDERS, order("sell", "500", "CLP", null));
        Instant after = clock().instant();

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        // the client sells DKK for 500 CLP at buy 19.50: 500 / 19.5 = 25.6410… → pays 25.65 DKK (rounded up)
        assertThat(placed.json().get("pay").get("value").asString()).isEqualTo("25.65");
        assertThat(placed.json().get("payIn").get("pairedByBank").asBoolean()).isFalse();
        assertThat(Instant.parse(placed.json().get("deadline").asString()))
                .as("the window of DKK, the currency paid in")
                .isBetween(before.plus(Duration.ofMinutes(20)), after.plus(Duration.ofMinutes(20)));
    }

    @Test
    void isPlacedWhenTheOfficeHasNoAccountToPayTheCurrencyOutFromYet() {
        var placed =
                api().post(ORDERS, order("buy", "10.00", "NOK", null).replace("\"base\":\"DKK\"", "\"base\":\"NOK\""));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("payoutAccount").get("fromBankAccountId").isNull())
                .isTrue();
        assertThat(placed.json().get("pay").get("value").asString()).isEqualTo("129");
    }

    static Stream<Arguments> refusals() {
        String good = TestIbans.polish(TestIbans.MBANK);
        return Stream.of(
                Arguments.of(order("buy", "100.123", "DKK", null), "amount.value"),
                Arguments.of(order("buy", "-5", "DKK", null), "amount.value"),
                Arguments.of(order("buy", "1e3", "DKK", null), "amount.value"),
                Arguments.of(order("buy", "9.99", "DKK", null), "amount.value"),
                Arguments.of(order("buy", "100000.01", "DKK", null), "amount.value"),
                Arguments.of(order("buy", "100", "ABC", null), "amount.currency"),
                Arguments.of(order("buy", "100", "NOK", null), "amount.currency"),
                Arguments.of(order("hold", "100", "DKK", null), "side"),
                Arguments.of(order("buy", "100", "DKK", null).replace("\"base\":\"DKK\"", "\"base\":\"ZZZ\""), "base"),
                Arguments.of(
                        order("buy", "100", "DKK", null).replace("\"quote\":\"CLP\"", "\"quote\":\"NOK\""), "quote"),
                Arguments.of(
                        order("buy", "100", "DKK", null).replace("\"subject\":\"client-dk-1\"", "\"subject\":\"  \""),
                        "subject"),
                Arguments.of(order("buy", "100", "DKK", TestIbans.mistyped(good)), "payFrom.iban"),
                Arguments.of(
                        order("buy", "100", "DKK", null).replace("\"name\":\"Anne Jensen\"", "\"name\":\"\""),
                        "payoutAccount.name"),
                Arguments.of(
                        order("buy", "100", "DKK", null)
                                .replace("\"name\":\"Anne Jensen\"", "\"name\":\"Anne\\u0007\""),
                        "payoutAccount.name"),
                Arguments.of(
                        order("buy", "100", "DKK", null)
                                .replace("\"iban\":\"DE89370400440532013000\"", "\"iban\":\"DE89370400440532013001\""),
                        "payoutAccount.iban"),
                Arguments.of(
                        order("buy", "100", "DKK", null)
                                .replace(
                                        "\"iban\":\"DE89370400440532013000\"",
                                        "\"iban\":\"DE89370400440532013000\",\"accountNumber\":\"12345678\""),
                        "payoutAccount.iban"),
                Arguments.of(
                        order("buy", "100", "DKK", null)
                                .replace(
                                        "\"iban\":\"DE89370400440532013000\"",
                                        "\"iban\":\"DE89370400440532013000\",\"bic\":\"NOTABIC\""),
                        "payoutAccount.bic"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesBadInputNamingTheFieldAndStoresNothing(String body, String field) {
        long orders = count("exchange.order_detail");
        long operations = jdbc.sql("select count(*) from operations.operation where type = 'exchange_order'")
                .query(Long.class)
                .single();

        var refused = api().post(ORDERS, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(count("exchange.order_detail")).isEqualTo(orders);
        assertThat(jdbc.sql("select count(*) from operations.operation where type = 'exchange_order'")
                        .query(Long.class)
                        .single())
                .isEqualTo(operations);
    }

    @Test
    void expiresWhenItsOwnDeadlinePassesUnpaid() {
        String id = placed(order("buy", "100.00", "DKK", null));

        clock().advance(Duration.ofMinutes(15).plusSeconds(1));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(stage(id)).isEqualTo("expired"));
    }

    @Test
    void aSmallRateChangeAppliesAtOnceAndALargeOneWaitsForASecondPerson() {
        String id = placed(order("buy", "100.05", "DKK", null));
        ApiClient maker = apiWith("exchange:orders", "exchange:view");
        ApiClient checker = apiWith("exchange:orders", "exchange:view");

        var small = maker.post(
                ORDERS + "/" + id + "/rate", "{\"rate\":\"20.20\",\"reason\":\"Corrected to the morning rate\"}");

        assertThat(small.status()).as(small.body()).isEqualTo(200);
        // the client typed what they receive (100.05 DKK): that stays, what they pay follows (2021.01 → 2022 CLP)
        assertThat(small.json().get("pay").get("value").asString()).isEqualTo("2022");
        assertThat(small.json().get("receive").get("value").asString()).isEqualTo("100.05");
        assertThat(small.json().get("quotedRate").asString()).isEqualTo("20.10");
        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("attributes_changed");
        assertThat(last.get("reason").asString()).isEqualTo("Corrected to the morning rate");
        // the operation's amount — what lists, exports and thresholds read — is what the client pays now
        assertThat(last.get("changes").get("amount").get("before").get("value").asString())
                .isEqualTo("2012"); // 100.05 × 20.10 = 2011.005, rounded up
        assertThat(last.get("changes").get("amount").get("after").get("value").asString())
                .isEqualTo("2022");
        assertThat(api().get("/api/v1/operations/" + id)
                        .json()
                        .get("amount")
                        .get("value")
                        .asString())
                .isEqualTo("2022");

        var large = maker.post(ORDERS + "/" + id + "/rate", "{\"rate\":\"25\",\"reason\":\"Client agreed by phone\"}");
        assertThat(large.status()).as(large.body()).isEqualTo(202);
        String request = large.json().get("rateRequest").asString();
        assertThat(api().get(ORDERS + "/" + id).json().get("rate").asString()).isEqualTo("20.20");

        var own = maker.post("/api/v1/exchange/rate-requests/" + request + "/approve", "{}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("type").asString()).endsWith("maker-cannot-decide");

        var approved = checker.post("/api/v1/exchange/rate-requests/" + request + "/approve", "{\"note\":\"ok\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("rate").asString()).isEqualTo("25");
        assertThat(approved.json().get("pay").get("value").asString()).isEqualTo("2502");
        assertThat(api().get("/api/v1/operations/" + id)
                        .json()
                        .get("amount")
                        .get("value")
                        .asString())
                .isEqualTo("2502");
        assertThat(count("exchange.order_rate_change where operation_id = '" + id + "'"))
                .isEqualTo(2);
    }

    @Test
    void theRateLogRefusesUpdatesAndDeletes() {
        String id = placed(order("buy", "100.05", "DKK", null));
        api().post(ORDERS + "/" + id + "/rate", "{\"rate\":\"20.15\",\"reason\":\"fix\"}");

        assertThat(refused("update exchange.order_rate_change set to_rate = 1")).contains("insert-only");
        assertThat(refused("delete from exchange.order_rate_change")).contains("insert-only");
    }

    @Test
    void isCancelledWithAReasonEvenWhenThePayoutIsPending() {
        String id = placed(order("buy", "100.00", "DKK", null));
        assertThat(transition(id, "funds_received", null).status()).isEqualTo(200);
        assertThat(transition(id, "payout_pending", null).status()).isEqualTo(200);

        var withoutReason = transition(id, "cancelled", null);
        assertThat(withoutReason.status()).as(withoutReason.body()).isEqualTo(422);
        var cancelled = transition(id, "cancelled", "Client withdrew; refund to the paying account");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(stage(id)).isEqualTo("cancelled");
        var closed = api().post(ORDERS + "/" + id + "/rate", "{\"rate\":\"20.15\",\"reason\":\"late\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asString()).endsWith("order-closed");
    }

    @Test
    void readingNeedsExchangeViewAndPlacingNeedsExchangeOrders() {
        String id = placed(order("buy", "100.00", "DKK", null));

        assertThat(apiWith("exchange:view")
                        .post(ORDERS, order("buy", "100.00", "DKK", null))
                        .status())
                .isEqualTo(403);
        assertThat(apiWith("exchange:view").get(ORDERS + "/" + id).status()).isEqualTo(200);
        assertThat(apiWith("exchange_order:view").get(ORDERS + "/" + id).status())
                .isEqualTo(403);
        assertThat(api().get(ORDERS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    static String order(String side, String value, String currency, String payFrom) {
        return "{\"subject\":\"client-dk-1\",\"base\":\"DKK\",\"quote\":\"CLP\",\"side\":\"" + side + "\","
                + "\"amount\":{\"value\":\"" + value + "\",\"currency\":\"" + currency + "\"},"
                + "\"payoutAccount\":{\"iban\":\"DE89370400440532013000\",\"name\":\"Anne Jensen\"}"
                + (payFrom == null ? "" : ",\"payFrom\":{\"iban\":\"" + payFrom + "\"}") + "}";
    }

    private String placed(String body) {
        var placed = api().post(ORDERS, body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String refused(String sql) {
        try {
            jdbc.sql(sql).update();
            return "accepted";
        } catch (org.springframework.dao.DataAccessException e) {
            return String.valueOf(e.getMostSpecificCause().getMessage());
        }
    }

    private void put(String path, String body) {
        var response = api().put(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isIn(200, 201);
    }

    private String account(String bank, String iban, String currency) {
        var response = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"" + bank + "\",\"iban\":\"" + iban + "\",\"currency\":\"" + currency
                                + "\",\"purpose\":\"both\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
