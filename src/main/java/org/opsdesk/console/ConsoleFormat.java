package org.opsdesk.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, money and times as the console shows them, in the page's language: {@code 1.234,50 EUR} in Portuguese,
 * {@code 1,234.50 EUR} in English; times relative ({@code 12 min ago}) with the exact UTC time for the hover
 * title. Templates call it as {@code ${@consoleFormat.money(op.amount, op.currency)}}.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Clock clock;

    ConsoleFormat(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** An amount with its currency's scale as stored (the amount carries it) and the code after it. */
    public String money(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(Math.max(amount.scale(), 0));
        format.setMaximumFractionDigits(Math.max(amount.scale(), 0));
        format.setGroupingUsed(true);
        return format.format(amount) + (currency == null ? "" : " " + currency);
    }

    /** A count with the locale's grouping: {@code 1,204} / {@code 1.204} / {@code 1 204}. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** The exact time, for titles and exports: {@code 2026-11-22 14:03:11 UTC}. */
    public String exact(@Nullable Instant time) {
        return time == null ? "" : EXACT.format(time);
    }

    /** How long ago (or, for a future time, in how long): {@code 12 min ago}, {@code in 3 h}. */
    public String relative(@Nullable Instant time) {
        if (time == null) {
            return "";
        }
        Duration between = Duration.between(time, clock.instant());
        boolean future = between.isNegative();
        String amount = span(between.abs());
        return messages.getMessage(future ? "time.in" : "time.ago", new Object[] {amount}, locale());
    }

    /** A duration in its largest sensible unit: {@code 45 s}, {@code 12 min}, {@code 3 h}, {@code 4 d}. */
    public String duration(@Nullable Duration duration) {
        return duration == null ? "" : span(duration.abs());
    }

    private String span(Duration d) {
        Locale locale = locale();
        if (d.toMinutes() < 1) {
            return messages.getMessage("time.seconds", new Object[] {d.toSeconds()}, locale);
        }
        if (d.toHours() < 1) {
            return messages.getMessage("time.minutes", new Object[] {d.toMinutes()}, locale);
        }
        if (d.toDays() < 2) {
            return messages.getMessage("time.hours", new Object[] {d.toHours()}, locale);
        }
        return messages.getMessage("time.days", new Object[] {d.toDays()}, locale);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
