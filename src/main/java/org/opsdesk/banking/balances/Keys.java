package org.opsdesk.banking.balances;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Keyset;

/** The keyset cursors of the account's lists: where a page ended (a day and an id), opaque to the caller. */
final class Keys {

    private Keys() {}

    /** After a statement in the timeline: its day and id. */
    record StatementKey(LocalDate day, UUID id) {
        static @Nullable StatementKey read(@Nullable String cursor) {
            List<String> parts = parts(cursor);
            try {
                return parts == null
                        ? null
                        : new StatementKey(LocalDate.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (RuntimeException garbled) {
                throw Keyset.invalidCursor();
            }
        }

        static String after(StatementLine last) {
            return Keyset.cursor(last.day() == null ? LocalDate.of(1, 1, 1) : last.day(), last.id());
        }
    }

    /** After an entry in the newest-first list: its booking day and id. */
    record EntryKey(LocalDate day, long id) {
        static @Nullable EntryKey read(@Nullable String cursor) {
            List<String> parts = parts(cursor);
            try {
                return parts == null ? null : new EntryKey(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)));
            } catch (RuntimeException garbled) {
                throw Keyset.invalidCursor();
            }
        }

        static String after(EntryLine last) {
            return Keyset.cursor(last.bookingDate(), last.id());
        }
    }

    private static @Nullable List<String> parts(@Nullable String cursor) {
        return cursor == null || cursor.isBlank() ? null : Keyset.parts(cursor, 2);
    }
}
