package org.opsdesk.exchange.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

class QuoteTests {

    private static final CurrencyCode EUR = new CurrencyCode("EUR", 2);
    private static final CurrencyCode PLN = new CurrencyCode("PLN", 2);
    private static final Instant SHOWN = Instant.parse("2026-12-07T10:00:00Z");

    private static Quote quote(Fixed fixed) {
        var priced = new Priced(
                new Money(new BigDecimal("100.00"), EUR),
                new Money(new BigDecimal("420.00"), PLN),
                new BigDecimal("4.2000"),
                fixed);
        return new Quote(
                UUID.randomUUID(), "EUR", "PLN", Side.SELL, priced, "portal-x", SHOWN, SHOWN.plusSeconds(60), null);
    }

    @Test
    void holdsUntilJustBeforeItsExpiryAndNotAtIt() {
        var quote = quote(Fixed.PAY);

        assertThat(quote.validAt(SHOWN)).isTrue();
        assertThat(quote.validAt(SHOWN.plusSeconds(59).plusMillis(999))).isTrue();
        assertThat(quote.validAt(SHOWN.plusSeconds(60))).isFalse();
        assertThat(quote.validAt(SHOWN.plusSeconds(3600))).isFalse();
    }

    @Test
    void theTypedAmountIsTheFixedSide() {
        assertThat(quote(Fixed.PAY).typed().toString()).isEqualTo("100.00 EUR");
        assertThat(quote(Fixed.RECEIVE).typed().toString()).isEqualTo("420.00 PLN");
    }
}
