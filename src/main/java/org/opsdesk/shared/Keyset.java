package org.opsdesk.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every keyset-paged list of the API shares: the page size rule and the opaque cursor (base64url of the
 * position's parts). Each list decides what its position holds and checks the parts it gets back.
 */
public final class Keyset {

    public static final int MAX_LIMIT = 500;

    private Keyset() {}

    /** The page size asked for, or 422 on {@code limit}. */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** An opaque cursor for a position made of these parts (none may contain '|'). */
    public static String cursor(Object... parts) {
        String text = Stream.of(parts).map(String::valueOf).collect(Collectors.joining("|"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #cursor}, or 422 on {@code cursor} if it is not one with this many. */
    public static List<String> parts(String cursor, int count) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
                throw invalidCursor(); // no cursor this API gives out holds them; the database would choke on a NUL
            }
            var parts = List.of(text.split("\\|", -1));
            if (parts.size() != count) {
                throw invalidCursor();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    /** The most common position: a creation time and an id, newest first. */
    public record TimeAndId(java.time.Instant at, java.util.UUID id) {
        public String cursor() {
            return Keyset.cursor(at, id);
        }
    }

    /** The position in a cursor made by {@link TimeAndId#cursor()}, null for the first page, else 422. */
    public static @org.jspecify.annotations.Nullable TimeAndId timeAndId(
            @org.jspecify.annotations.Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        var parts = parts(cursor, 2);
        try {
            return new TimeAndId(time(parts.get(0)), java.util.UUID.fromString(parts.get(1)));
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    /** A time part of a cursor, within {@link Timestamps}' range, or 422 on {@code cursor}. */
    public static java.time.Instant time(String part) {
        try {
            var time = java.time.Instant.parse(part);
            if (Timestamps.inRange(time)) {
                return time;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw invalidCursor();
    }

    public static InvalidInput invalidCursor() {
        return InvalidInput.of("cursor", "not a cursor this API gave out");
    }
}
