package org.opsdesk.banking.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry as the payments queue shows it: the bank's facts, the rules' verdict and, once decided, the decision.
 *
 * @param state {@code QUEUED}, or what became of it: {@code MATCHED}, {@code LINKED}, {@code RETURNED},
 *     {@code SET_ASIDE}
 * @param evidenceJson what the rules found, as a JSON object
 */
record QueuedEntry(
        long entryId,
        UUID importId,
        UUID bankAccountId,
        String state,
        @Nullable String reason,
        String rule,
        int score,
        String evidenceJson,
        List<UUID> candidates,
        @Nullable UUID orderId,
        @Nullable String orderStage,
        LocalDate bookingDate,
        BigDecimal amount,
        String currency,
        @Nullable String counterpartyName,
        @Nullable String counterpartyIban,
        @Nullable String counterpartyBic,
        @Nullable String remittance,
        @Nullable String bankReference,
        @Nullable String endToEndId,
        String raw,
        Instant matchedAt,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt) {

    boolean queued() {
        return "QUEUED".equals(state);
    }

    /** The rules' evidence as read back. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> evidence() {
        return MatchStore.JSON.readValue(evidenceJson, java.util.Map.class);
    }

    /** The entry as matching reads it. */
    EntryToMatch asEntry() {
        return new EntryToMatch(
                entryId,
                importId,
                bankAccountId,
                amount,
                currency,
                bookingDate,
                counterpartyName,
                counterpartyIban,
                remittance,
                bankReference,
                endToEndId);
    }
}
