package org.opsdesk.banking.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One transfer of a batch as stored: an order's payout ({@code orderId}) or a refund's ({@code refundId}), with what
 * its file line carries and, once settled, how (confirmed, returned, removed: by whom, when, why, on which entry).
 */
record PayoutItem(
        UUID id,
        UUID batchId,
        int position,
        @Nullable UUID orderId,
        @Nullable UUID refundId,
        String endToEndId,
        String creditorName,
        @Nullable String creditorIban,
        @Nullable String creditorAccount,
        @Nullable String creditorBic,
        BigDecimal amount,
        String currency,
        String remittance,
        State state,
        @Nullable String settledReason,
        @Nullable Long settledEntryId,
        @Nullable String settledByName,
        @Nullable Instant settledAt) {

    /** Where an item stands; only IN_BATCH and SENT hold their order (or refund) in the batch. */
    enum State {
        IN_BATCH,
        SENT,
        CONFIRMED,
        RETURNED,
        REMOVED
    }

    boolean open() {
        return state == State.IN_BATCH || state == State.SENT;
    }
}
