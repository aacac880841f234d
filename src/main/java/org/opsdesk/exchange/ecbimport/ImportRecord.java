package org.opsdesk.exchange.ecbimport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One ECB import as recorded: where the file came from, who ran it, the file's business day, the pairs it set and
 * those it skipped with why, and whether it succeeded (a failed one set nothing and says why).
 *
 * @param origin {@code upload} or {@code schedule}
 * @param location the uploaded file's name or the fetched URL
 */
record ImportRecord(
        UUID id,
        String origin,
        String location,
        String actorName,
        Instant startedAt,
        @Nullable LocalDate fileDate,
        boolean succeeded,
        @Nullable String reason,
        List<String> pairsSet,
        List<Skipped> pairsSkipped) {

    /** A pair with a spread that the import did not set, and why. */
    record Skipped(String pair, String reason) {}

    ImportRecord {
        pairsSet = List.copyOf(pairsSet);
        pairsSkipped = List.copyOf(pairsSkipped);
    }
}
