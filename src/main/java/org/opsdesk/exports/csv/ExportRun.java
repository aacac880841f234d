package org.opsdesk.exports.csv;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One export as the audit holds it: who started it, with which filter and options, and how it ended.
 *
 * @param filter the filter parameters as given, as a query string ({@code ""}: every operation the caller sees)
 * @param outcome {@code completed}, {@code failed}, {@code cancelled}, {@code refused} (too many were running), or
 *     null while running — or when the node streaming it stopped before it could record the end
 */
public record ExportRun(
        UUID id,
        String kind,
        String channel,
        String actorKind,
        String actorId,
        String actorName,
        String filter,
        boolean bom,
        String separator,
        Instant startedAt,
        @Nullable String outcome,
        @Nullable Long rows,
        @Nullable Long bytes,
        @Nullable Long durationMs,
        @Nullable String error,
        @Nullable Instant finishedAt) {

    /** The size in kilobytes, rounded up (a non-empty file is never "0 KB"). */
    public long kilobytes() {
        return bytes == null ? 0 : (bytes + 1023) / 1024;
    }

    /** How long it took, once finished. */
    public java.time.@Nullable Duration duration() {
        return durationMs == null ? null : java.time.Duration.ofMillis(durationMs);
    }

    /** The parameters of the same export again: the filter and the options, for a link. */
    public String query() {
        var query = new StringBuilder(filter);
        if (bom) {
            query.append(query.isEmpty() ? "" : "&").append("bom=true");
        }
        if (separator.equals(";")) {
            query.append(query.isEmpty() ? "" : "&").append("separator=%3B");
        }
        return query.toString();
    }
}
