package org.opsdesk.banking.balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The balance over time as an SVG line the page draws without any script: one point per statement with balances (its
 * closing balance at its last day, x proportional to time so that a missing month shows as a longer line), a
 * marker where a statement followed a gap, and the axis labels. Coordinates are in the SVG's own units.
 *
 * @param points the polyline's {@code points} attribute, oldest first
 * @param gaps where a statement that followed a gap sits
 */
record BalanceChart(
        String points, List<Point> gaps, BigDecimal low, BigDecimal high, LocalDate first, LocalDate last, int count) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 90;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    static final int RIGHT = 12;

    /** A point of the drawing. */
    record Point(double x, double y) {}

    /** The chart of these statements (newest first, as the timeline lists them); null when fewer than two. */
    static @Nullable BalanceChart of(List<StatementLine> newestFirst) {
        List<StatementLine> drawn = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            StatementLine s = newestFirst.get(i);
            if (s.closingBalance() != null && s.day() != null) {
                drawn.add(s);
            }
        }
        if (drawn.size() < 2) {
            return null;
        }
        LocalDate first = drawn.get(0).day();
        LocalDate last = drawn.get(drawn.size() - 1).day();
        BigDecimal low = drawn.stream()
                .map(StatementLine::closingBalance)
                .reduce(BigDecimal::min)
                .orElseThrow();
        BigDecimal high = drawn.stream()
                .map(StatementLine::closingBalance)
                .reduce(BigDecimal::max)
                .orElseThrow();
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        double span = Math.max(1e-9, high.subtract(low).doubleValue());
        var points = new StringBuilder();
        List<Point> gaps = new ArrayList<>();
        for (StatementLine s : drawn) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(first, s.day()) / days;
            double y = TOP
                    + (HEIGHT - TOP - BOTTOM)
                            * (1 - s.closingBalance().subtract(low).doubleValue() / span);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            if (s.gap()) {
                gaps.add(new Point(x, y));
            }
        }
        return new BalanceChart(points.toString().strip(), gaps, low, high, first, last, drawn.size());
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public int right() {
        return WIDTH - RIGHT;
    }
}
