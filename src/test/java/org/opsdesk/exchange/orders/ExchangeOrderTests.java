package org.opsdesk.exchange.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.exchange.quotes.Side;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/** What may change on an order once it is built: its id once, then its rate and amounts; nothing else. */
class ExchangeOrderTests {

    private static final CurrencyCode EUR = new CurrencyCode("EUR", 2);
    private static final CurrencyCode PLN = new CurrencyCode("PLN", 2);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static ExchangeOrder order() {
        return new ExchangeOrder(
                UUID.randomUUID(),
                "EUR",
                "PLN",
                Side.BUY,
                new BigDecimal("4.3000"),
                new BigDecimal("4.3000"),
                new Money(new BigDecimal("430.00"), PLN),
                new Money(new BigDecimal("100.00"), EUR),
                Fixed.RECEIVE,
                PaymentReference.random(new SecureRandom()),
                UUID.randomUUID(),
                true,
                "mBank",
                "PL61109010140000071219812874",
                null,
                UUID.randomUUID(),
                false,
                "PL27114020040000300201355387",
                null,
                "Jan Kowalski",
                null,
                "12345678901234567890123456",
                NOW.plusSeconds(900),
                "portal",
                UUID.randomUUID(),
                NOW);
    }

    @Test
    void withIdChangesOnlyTheId() {
        var order = order();
        var id = UUID.randomUUID();

        var stored = order.withId(id);

        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored).usingRecursiveComparison().ignoringFields("id").isEqualTo(order);
    }

    @Test
    void repricedAtTakesTheNewRateAndAmountsAndKeepsWhatTheClientAcceptedAndWasTold() {
        var order = order();
        var repriced = new Priced(
                new Money(new BigDecimal("435.00"), PLN),
                new Money(new BigDecimal("100.00"), EUR),
                new BigDecimal("4.3500"),
                Fixed.RECEIVE);

        var changed = order.repricedAt(repriced);

        assertThat(changed.rate()).isEqualByComparingTo("4.3500");
        assertThat(changed.pay()).isEqualTo(repriced.pay());
        assertThat(changed.receive()).isEqualTo(repriced.receive());
        assertThat(changed.quotedRate()).isEqualByComparingTo("4.3000");
        assertThat(changed)
                .usingRecursiveComparison()
                .ignoringFields("rate", "pay", "receive")
                .isEqualTo(order);
        assertThat(changed.priced()).isEqualTo(repriced);
    }
}
