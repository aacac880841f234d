package org.opsdesk.exchange.ecb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.opsdesk.shared.InvalidInput;

/**
 * The office's rates around a mid-market rate: it buys 1 base for {@code buy} units of the quote currency and sells
 * it for {@code sell}.
 *
 * <p>The convention: with the spread {@code s} (basis points / 10,000) split evenly on both sides, {@code buy = mid
 * × (1 − s/2)} rounded down and {@code sell = mid × (1 + s/2)} rounded up to the stated number of decimals — each
 * rounding in the office's favour, so it never gives more than the spread says. Where rounding would leave {@code
 * sell} not above {@code buy} (a zero spread, or a spread smaller than the precision), {@code sell} is {@code buy}
 * plus one unit of the last decimal: {@code sell > buy > 0} always holds.
 *
 * @param mid the mid-market rate rounded half-even to the same decimals, for display
 */
public record BuySell(BigDecimal mid, BigDecimal buy, BigDecimal sell) {

    /** The widest spread accepted: 50%, far beyond any exchange office's, but catching a typo of a zero too many. */
    public static final int MAX_SPREAD_BASIS_POINTS = 5_000;

    public static final int MAX_SCALE = 18;

    /**
     * The rates around {@code mid}.
     *
     * @param spreadBasisPoints 0 to {@value #MAX_SPREAD_BASIS_POINTS}; 100 = 1% between buy and sell
     * @param scale the decimals of the rates, 0 to {@value #MAX_SCALE}
     * @throws InvalidInput on {@code spread} or {@code scale} out of range, or when the buy rate rounds to zero at
     *     that scale
     */
    public static BuySell around(BigDecimal mid, int spreadBasisPoints, int scale) {
        if (spreadBasisPoints < 0 || spreadBasisPoints > MAX_SPREAD_BASIS_POINTS) {
            throw InvalidInput.of("spread", "must be 0 to " + MAX_SPREAD_BASIS_POINTS + " basis points");
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw InvalidInput.of("scale", "must be 0 to " + MAX_SCALE + " decimals");
        }
        if (mid.signum() <= 0) {
            throw InvalidInput.of("mid", "must be greater than zero");
        }
        BigDecimal half = BigDecimal.valueOf(spreadBasisPoints).divide(BigDecimal.valueOf(20_000));
        BigDecimal buy = mid.multiply(BigDecimal.ONE.subtract(half)).setScale(scale, RoundingMode.DOWN);
        BigDecimal sell = mid.multiply(BigDecimal.ONE.add(half)).setScale(scale, RoundingMode.UP);
        if (buy.signum() <= 0) {
            throw InvalidInput.of("scale", "the buy rate " + mid + " rounds to zero at " + scale + " decimals");
        }
        if (sell.compareTo(buy) <= 0) {
            sell = buy.add(BigDecimal.ONE.movePointLeft(scale));
        }
        return new BuySell(mid.setScale(scale, RoundingMode.HALF_EVEN), buy, sell);
    }
}
