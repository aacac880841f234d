package org.opsdesk.exchange.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.exchange.orders.OrderConflict;
import org.opsdesk.exchange.orders.OrderDraft.AccountDraft;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quotes locked for a client and accepted into orders: the order keeps the quoted rate and amounts even after the
 * desk's rate moved; expired, used and other clients' quotes are refused, nothing placed. The desk here: THB/PHP
 * (no other test class uses them).
 */
class QuotesIntegrationTests extends IntegrationTest {

    static final Actor PORTAL = new Actor(
            Actor.Kind.SYSTEM, "portal", "portal", Permissions.of(ExchangePermissions.ORDERS), "portal-client:test");
    static final AccountDraft PAYOUT = new AccountDraft(TestIbans.polish(TestIbans.MBANK), null, "Somchai Dee", null);
    static boolean accountReady;

    @Autowired
    Quotes quotes;

    @BeforeEach
    void desk() {
        put("/api/v1/exchange/currencies/THB", "{\"enabled\":true,\"paymentWindow\":\"PT30M\"}");
        put("/api/v1/exchange/currencies/PHP", "{\"enabled\":true,\"minAmount\":\"100.00\"}");
        put("/api/v1/exchange/rates/THB/PHP", "{\"buy\":\"1.5800\",\"sell\":\"1.6200\"}");
        if (!accountReady) {
            for (String currency : new String[] {"THB", "PHP"}) {
                var created = api().post(
                                "/api/v1/exchange/bank-accounts",
                                "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO)
                                        + "\",\"currency\":\"" + currency + "\",\"purpose\":\"both\"}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            }
            accountReady = true;
        }
    }

    @Test
    void storesAnOfferPricedBeforeAsTheQuoteWithoutPricingAgain() {
        var offer = quotes.price("THB", "PHP", "sell", "200.00", "THB");
        put("/api/v1/exchange/rates/THB/PHP", "{\"buy\":\"1.5000\",\"sell\":\"1.5500\"}");

        Quote quote = quotes.quote("portal-thb-7", offer, PORTAL);

        // the client sells 200.00 THB at the buy rate they were shown, 1.5800: receives 316.00 PHP
        assertThat(quote.priced().receive().toString()).isEqualTo("316.00 PHP");
        assertThat(quote.priced().rate()).isEqualByComparingTo("1.58");
        assertThat(quote.expiresAt()).isEqualTo(quote.createdAt().plus(Duration.ofSeconds(60)));
        assertThat(quotes.get(quote.id(), "portal-thb-7").priced().receive().toString())
                .isEqualTo("316.00 PHP");
    }

    @Test
    void anAcceptedQuotePlacesTheOrderAtTheQuotedRateEvenAfterTheDeskRateChanged() {
        Quote quote = quotes.quote("portal-thb-1", "thb", "PHP", "buy", "100.00", "THB", PORTAL);
        // the client buys 100.00 THB at sell 1.6200: pays 162.00 PHP
        assertThat(quote.priced().pay().toString()).isEqualTo("162.00 PHP");
        assertThat(quote.expiresAt()).isEqualTo(quote.createdAt().plus(Duration.ofSeconds(60)));
        put("/api/v1/exchange/rates/THB/PHP", "{\"buy\":\"1.7000\",\"sell\":\"1.7500\"}");
        clock().advance(Duration.ofSeconds(59));

        var placed = quotes.accept(quote.id(), "portal-thb-1", PAYOUT, PORTAL);

        assertThat(placed.order().rate()).isEqualByComparingTo("1.62");
        assertThat(placed.order().quotedRate()).isEqualByComparingTo("1.62");
        assertThat(placed.order().pay().toString()).isEqualTo("162.00 PHP");
        assertThat(placed.order().receive().toString()).isEqualTo("100.00 THB");
        assertThat(placed.order().quoteId()).isEqualTo(quote.id());
        assertThat(placed.order().channel()).isEqualTo("portal");
        assertThat(placed.operation().stage()).isEqualTo("awaiting_payment");
        assertThat(placed.operation().subject()).isEqualTo("portal-thb-1");
        assertThat(jdbc.sql("select order_id from exchange.quote where id = ?")
                        .param(quote.id())
                        .query(UUID.class)
                        .single())
                .isEqualTo(placed.order().id());
    }

    @Test
    void refusesAnExpiredQuoteAndPlacesNothing() {
        Quote quote = quotes.quote("portal-thb-2", "THB", "PHP", "sell", "100.00", "THB", PORTAL);
        clock().advance(Duration.ofSeconds(60));

        assertThatThrownBy(() -> quotes.accept(quote.id(), "portal-thb-2", PAYOUT, PORTAL))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.errors().get(0).field()).isEqualTo("quoteId");
                    assertThat(refused.errors().get(0).message()).contains("expired");
                });
        assertThat(ordersOf("portal-thb-2")).isZero();
    }

    @Test
    void aQuoteMakesOneOrderOnly() {
        Quote quote = quotes.quote("portal-thb-3", "THB", "PHP", "buy", "200.00", "PHP", PORTAL);
        quotes.accept(quote.id(), "portal-thb-3", PAYOUT, PORTAL);

        assertThatThrownBy(() -> quotes.accept(quote.id(), "portal-thb-3", PAYOUT, PORTAL))
                .isInstanceOfSatisfying(OrderConflict.class, refused -> assertThat(refused.status())
                        .isEqualTo(409));
        assertThat(ordersOf("portal-thb-3")).isEqualTo(1);
    }

    @Test
    void anotherClientsQuoteIsNotFound() {
        Quote quote = quotes.quote("portal-thb-4", "THB", "PHP", "buy", "100.00", "THB", PORTAL);

        assertThatThrownBy(() -> quotes.accept(quote.id(), "portal-thb-5", PAYOUT, PORTAL))
                .isInstanceOfSatisfying(
                        NotFound.class, refused -> assertThat(refused.status()).isEqualTo(404));
        assertThatThrownBy(() -> quotes.get(quote.id(), "portal-thb-5")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> quotes.accept(UUID.randomUUID(), "portal-thb-4", PAYOUT, PORTAL))
                .isInstanceOf(NotFound.class);
        assertThat(ordersOf("portal-thb-5")).isZero();
    }

    @Test
    void refusesAQuoteBeyondTheLimitsOrWithoutThePermissionAndStoresNothing() {
        long before = quotesStored();

        // 50.00 THB sold at buy 1.58 → 79.00 PHP, below the PHP minimum of 100.00
        assertThatThrownBy(() -> quotes.quote("portal-thb-6", "THB", "PHP", "sell", "50.00", "THB", PORTAL))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.errors().get(0).field()).isEqualTo("amount.value"));
        var cashierWithoutOrders = new Actor(Actor.Kind.OPERATOR, "op", "op", Permissions.of(ExchangePermissions.VIEW));
        assertThatThrownBy(
                        () -> quotes.quote("portal-thb-6", "THB", "PHP", "buy", "100.00", "THB", cashierWithoutOrders))
                .isInstanceOf(PermissionDenied.class);
        assertThat(quotesStored()).isEqualTo(before);
    }

    private long ordersOf(String subject) {
        return jdbc.sql("select count(*) from operations.operation where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private long quotesStored() {
        return jdbc.sql("select count(*) from exchange.quote").query(Long.class).single();
    }

    private void put(String path, String body) {
        var response = api().put(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
