package org.opsdesk.exchange.quotes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;

/**
 * The arithmetic of an exchange: from a pair's rate, the client's side and the amount they typed (in either
 * currency), what they pay and what they receive, each at its currency's scale.
 *
 * <p>The office buys one base for {@code buy} quote and sells it for {@code sell}: a client who buys base pays
 * {@code sell} per unit, a client who sells base receives {@code buy}. The amount typed is kept exactly; the other
 * side is rounded in the office's favour — what the client receives is rounded down, what they pay is rounded up —
 * so the client never gets more than the rate gives, by at most one minor unit of that currency.
 */
public final class Pricing {

    private Pricing() {}

    /** Which of the two amounts the client typed; a rate change recomputes the other one. */
    public enum Fixed {
        PAY,
        RECEIVE
    }

    /** The two amounts of an exchange at {@code rate} (the pair's buy or sell, whichever the side uses). */
    public record Priced(Money pay, Money receive, BigDecimal rate, Fixed fixed) {}

    /**
     * Prices an exchange.
     *
     * @param amount in {@code base} or {@code quote}, at most that currency's decimals
     * @throws InvalidInput naming {@code field} when the amount is in neither currency or the other side would be 0
     */
    public static Priced price(
            String field,
            Side side,
            CurrencyCode base,
            CurrencyCode quote,
            BigDecimal buy,
            BigDecimal sell,
            Money amount) {
        if (buy.signum() <= 0 || sell.compareTo(buy) <= 0) {
            throw new IllegalArgumentException("a pair's rate needs sell > buy > 0, not buy " + buy + " sell " + sell);
        }
        boolean inBase = amount.currency().equals(base);
        if (!inBase && !amount.currency().equals(quote)) {
            throw InvalidInput.of(
                    field + ".currency",
                    "must be " + base.code() + " or " + quote.code() + ", the currencies of the pair");
        }
        Priced priced =
                switch (side) {
                    // The client pays quote at sell for base they receive.
                    case BUY ->
                        inBase
                                ? new Priced(
                                        multiply(amount.amount(), sell, quote, RoundingMode.CEILING),
                                        amount,
                                        sell,
                                        Fixed.RECEIVE)
                                : new Priced(
                                        amount,
                                        divide(amount.amount(), sell, base, RoundingMode.DOWN),
                                        sell,
                                        Fixed.PAY);
                    // The client pays base and receives quote at buy.
                    case SELL ->
                        inBase
                                ? new Priced(
                                        amount,
                                        multiply(amount.amount(), buy, quote, RoundingMode.DOWN),
                                        buy,
                                        Fixed.PAY)
                                : new Priced(
                                        divide(amount.amount(), buy, base, RoundingMode.CEILING),
                                        amount,
                                        buy,
                                        Fixed.RECEIVE);
                };
        if (priced.receive().amount().signum() <= 0) {
            throw InvalidInput.of(
                    field + ".value",
                    "is too small: at this rate the client would receive less than one minor unit of "
                            + priced.receive().currency().code());
        }
        return priced;
    }

    /**
     * The same exchange at another rate of the same side (a manager's rate change): the amount the client typed
     * stays, the other is recomputed with the same rounding.
     */
    public static Priced reprice(Priced order, BigDecimal newRate, Side side) {
        if (newRate.signum() <= 0) {
            throw new IllegalArgumentException("a rate is positive, not " + newRate);
        }
        Money typed = order.fixed() == Fixed.PAY ? order.pay() : order.receive();
        CurrencyCode other = order.fixed() == Fixed.PAY
                ? order.receive().currency()
                : order.pay().currency();
        boolean typedInBase = side == Side.BUY ? order.fixed() == Fixed.RECEIVE : order.fixed() == Fixed.PAY;
        RoundingMode rounding = order.fixed() == Fixed.PAY ? RoundingMode.DOWN : RoundingMode.CEILING;
        Money computed = typedInBase
                ? multiply(typed.amount(), newRate, other, rounding)
                : divide(typed.amount(), newRate, other, rounding);
        Priced repriced = order.fixed() == Fixed.PAY
                ? new Priced(typed, computed, newRate, Fixed.PAY)
                : new Priced(computed, typed, newRate, Fixed.RECEIVE);
        if (repriced.receive().amount().signum() <= 0) {
            throw InvalidInput.of("rate", "at this rate the client would receive nothing");
        }
        return repriced;
    }

    private static Money multiply(BigDecimal amount, BigDecimal rate, CurrencyCode to, RoundingMode rounding) {
        return new Money(amount.multiply(rate).setScale(to.fractionDigits(), rounding), to);
    }

    private static Money divide(BigDecimal amount, BigDecimal rate, CurrencyCode to, RoundingMode rounding) {
        return new Money(amount.divide(rate, to.fractionDigits(), rounding), to);
    }
}
