package org.opsdesk.exchange.ecb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsdesk.shared.InvalidInput;

/**
 * The ECB's euro reference rates of one business day: for each listed currency, how many units of it one euro
 * buys. Any two listed currencies (and the euro) have a cross rate through the euro.
 *
 * @param perEuro currency code to units per 1 EUR (EUR itself is not listed; it is 1)
 */
public record EcbDay(LocalDate date, Map<String, BigDecimal> perEuro) {

    /** Cross rates are computed with 20 significant digits before any rounding. */
    static final MathContext CROSS = new MathContext(20, RoundingMode.HALF_EVEN);

    public static final String EURO = "EUR";

    public EcbDay {
        perEuro = Map.copyOf(new TreeMap<>(perEuro));
    }

    /** Whether this day has a rate for {@code currency} (always for EUR). */
    public boolean lists(String currency) {
        return EURO.equals(currency) || perEuro.containsKey(currency);
    }

    /** Units of {@code currency} per 1 EUR: 1 for EUR itself, empty when the day does not list it. */
    public Optional<BigDecimal> unitsPerEuro(String currency) {
        return EURO.equals(currency) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(perEuro.get(currency));
    }

    /**
     * The mid-market cross rate: how many units of {@code quote} one unit of {@code base} is worth, through the
     * euro ({@code perEuro(quote) / perEuro(base)}), with 20 significant digits.
     *
     * @throws InvalidInput naming {@code base} or {@code quote} when the day does not list it
     */
    public BigDecimal crossRate(String base, String quote) {
        BigDecimal baseRate = unitsPerEuro(base).orElseThrow(() -> unlisted("base", base));
        BigDecimal quoteRate = unitsPerEuro(quote).orElseThrow(() -> unlisted("quote", quote));
        return quoteRate.divide(baseRate, CROSS);
    }

    /**
     * The office's buy and sell rates for {@code base}/{@code quote} around the cross rate, with the spread in
     * basis points, rounded to {@code scale} decimals (see {@link BuySell#around}).
     */
    public BuySell buySell(String base, String quote, int spreadBasisPoints, int scale) {
        return BuySell.around(crossRate(base, quote), spreadBasisPoints, scale);
    }

    private InvalidInput unlisted(String field, String currency) {
        return InvalidInput.of(field, "'" + currency + "' has no ECB reference rate on " + date);
    }
}
