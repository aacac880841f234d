package org.opsdesk.exchange.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;

/** Rate arithmetic and rounding for 0-, 2- and 8-decimal currencies: the client never gets more than the rate gives. */
class PricingTests {

    static final CurrencyCode EUR = new CurrencyCode("EUR", 2);
    static final CurrencyCode PLN = new CurrencyCode("PLN", 2);
    static final CurrencyCode JPY = new CurrencyCode("JPY", 0);
    static final CurrencyCode BTC = new CurrencyCode("BTC", 8);

    static final BigDecimal BUY = new BigDecimal("4.2512");
    static final BigDecimal SELL = new BigDecimal("4.3147");

    @Test
    void aClientBuyingBaseByTheBaseAmountPaysTheSellRateRoundedUp() {
        Priced p = Pricing.price("amount", Side.BUY, EUR, PLN, BUY, SELL, money("100.01", EUR));

        // 100.01 × 4.3147 = 431.513147 → 431.52 PLN (up)
        assertThat(p.pay()).isEqualTo(money("431.52", PLN));
        assertThat(p.receive()).isEqualTo(money("100.01", EUR));
        assertThat(p.rate()).isEqualByComparingTo(SELL);
        assertThat(p.fixed()).isEqualTo(Fixed.RECEIVE);
    }

    @Test
    void aClientBuyingBaseByWhatTheyPayReceivesRoundedDown() {
        Priced p = Pricing.price("amount", Side.BUY, EUR, PLN, BUY, SELL, money("1000.00", PLN));

        // 1000 / 4.3147 = 231.765823… → 231.76 EUR (down)
        assertThat(p.receive()).isEqualTo(money("231.76", EUR));
        assertThat(p.pay()).isEqualTo(money("1000.00", PLN));
        assertThat(p.receive().amount().multiply(SELL))
                .isLessThanOrEqualTo(p.pay().amount());
    }

    @Test
    void aClientSellingBaseReceivesTheBuyRateRoundedDown() {
        Priced byBase = Pricing.price("amount", Side.SELL, EUR, PLN, BUY, SELL, money("100.01", EUR));
        Priced byQuote = Pricing.price("amount", Side.SELL, EUR, PLN, BUY, SELL, money("500.00", PLN));

        // 100.01 × 4.2512 = 425.162512 → 425.16 PLN (down)
        assertThat(byBase.receive()).isEqualTo(money("425.16", PLN));
        // 500 / 4.2512 = 117.613850… → 117.62 EUR to pay (up)
        assertThat(byQuote.pay()).isEqualTo(money("117.62", EUR));
        assertThat(byQuote.pay().amount().multiply(BUY))
                .isGreaterThanOrEqualTo(byQuote.receive().amount());
    }

    @Test
    void zeroDecimalCurrenciesRoundToWholeUnits() {
        BigDecimal buy = new BigDecimal("161.20");
        BigDecimal sell = new BigDecimal("163.85");

        Priced buyYen = Pricing.price("amount", Side.BUY, EUR, JPY, buy, sell, money("10.01", EUR));
        Priced sellYen = Pricing.price("amount", Side.SELL, EUR, JPY, buy, sell, money("10.01", EUR));

        // 10.01 × 163.85 = 1640.1385 → 1641 JPY to pay; 10.01 × 161.20 = 1613.612 → 1613 JPY received
        assertThat(buyYen.pay()).isEqualTo(money("1641", JPY));
        assertThat(sellYen.receive()).isEqualTo(money("1613", JPY));
    }

    @Test
    void eightDecimalCryptoAssetsKeepEightDecimals() {
        BigDecimal buy = new BigDecimal("381000.00");
        BigDecimal sell = new BigDecimal("389000.00");

        Priced p = Pricing.price("amount", Side.BUY, BTC, PLN, buy, sell, money("1000.00", PLN));

        // 1000 / 389000 = 0.002570694… → 0.00257069 BTC
        assertThat(p.receive()).isEqualTo(money("0.00257069", BTC));
        assertThat(p.receive().amount().scale()).isEqualTo(8);
    }

    @Test
    void anAmountTooSmallToBuyOneMinorUnitIsRefused() {
        assertThatThrownBy(() -> Pricing.price(
                        "amount",
                        Side.BUY,
                        EUR,
                        JPY,
                        new BigDecimal("161.2"),
                        new BigDecimal("163.85"),
                        money("1", JPY)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("amount.value"));
    }

    @Test
    void anAmountInAThirdCurrencyIsRefused() {
        assertThatThrownBy(() -> Pricing.price(
                        "amount", Side.BUY, EUR, PLN, BUY, SELL, money("10.00", new CurrencyCode("USD", 2))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("amount.currency"));
    }

    @Test
    void aRateChangeKeepsTheTypedAmountAndRecomputesTheOther() {
        Priced order = Pricing.price("amount", Side.BUY, EUR, PLN, BUY, SELL, money("1000.00", PLN));

        Priced changed = Pricing.reprice(order, new BigDecimal("4.4000"), Side.BUY);

        assertThat(changed.pay()).isEqualTo(money("1000.00", PLN));
        // 1000 / 4.4 = 227.2727… → 227.27 EUR
        assertThat(changed.receive()).isEqualTo(money("227.27", EUR));
        assertThat(changed.rate()).isEqualByComparingTo("4.4000");

        Priced byReceive = Pricing.price("amount", Side.SELL, EUR, PLN, BUY, SELL, money("500.00", PLN));
        Priced repriced = Pricing.reprice(byReceive, new BigDecimal("4.0000"), Side.SELL);
        assertThat(repriced.receive()).isEqualTo(money("500.00", PLN));
        assertThat(repriced.pay()).isEqualTo(money("125.00", EUR));
    }

    private static Money money(String value, CurrencyCode currency) {
        return new Money(new BigDecimal(value), currency);
    }
}
