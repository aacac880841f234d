package org.opsdesk.banking.payouts;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.OperationSnapshot;

/**
 * A batch as read: its own details, its {@code payout_batch} operation (stage, total as amount, version), its items
 * in file order and the release's approval request while one waits for a checker.
 */
record PayoutBatch(
        PayoutBatchRow row,
        OperationSnapshot operation,
        List<PayoutItem> items,
        @Nullable ApprovalRequest pendingApproval) {}
