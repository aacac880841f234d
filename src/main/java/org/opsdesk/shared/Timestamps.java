package org.opsdesk.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The times the API accepts in filters and cursors: years 1 to 9999, which PostgreSQL's {@code timestamptz} stores
 * (its own range, 4713 BC to 294276 AD, is wider, but a year 0 or 10000 is a typing error, not a filter) and
 * ISO-8601 prints without a sign. {@code Instant.MAX} and the like are refused with 422 instead of failing in the
 * database.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {}

    public static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /**
     * An ISO-8601 date-time with an offset ({@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T11:00:00+01:00}) in
     * range, or 422 naming {@code field}.
     */
    public static Instant parse(String field, String value) {
        Instant time;
        try {
            time = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "an ISO-8601 date-time with offset such as 2026-11-22T10:00:00Z");
        }
        if (!inRange(time)) {
            throw InvalidInput.of(field, "must lie between years 1 and 9999");
        }
        return time;
    }
}
