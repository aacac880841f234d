package org.opsdesk.banking.payouts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of payout batches, newest first. */
record PayoutBatchPage(
        List<PayoutBatchResponse> items,
        @Schema(description = "Where the next page starts; null on the last.", example = "null") @Nullable
                String nextCursor) {}
