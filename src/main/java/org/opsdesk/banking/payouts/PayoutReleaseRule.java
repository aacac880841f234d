package org.opsdesk.banking.payouts;

import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.operations.ApprovalRule;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.workflow.Move;
import org.springframework.stereotype.Component;

/**
 * Four-eyes on a payout batch's release, through the approvals that exist (ADR 0030): one checker besides the maker
 * when the batch's total (its operation's amount) is above the configured threshold of its currency, or when its
 * currency has none. The batch's manual moves are the bank side's to grant: whoever holds {@code exchange:payouts}
 * releases or discards a batch, so the cashier needs no permission of the operation type itself.
 */
@Component
class PayoutReleaseRule implements ApprovalRule {

    private final PayoutSettings settings;

    PayoutReleaseRule(PayoutSettings settings) {
        this.settings = settings;
    }

    @Override
    public String operationType() {
        return PayoutBatches.TYPE;
    }

    @Override
    public int requiredApprovals(OperationSnapshot operation, Move move) {
        if (!PayoutBatches.RELEASED.equals(move.transition().to()) || operation.amount() == null) {
            return 0;
        }
        var total = operation.amount();
        return settings.fourEyesAbove(total.currency().code())
                .map(threshold -> total.amount().compareTo(threshold) > 0 ? 1 : 0)
                .orElse(1);
    }

    @Override
    public @Nullable String permissionToMove(OperationSnapshot operation, String toStage) {
        return BankingPermissions.PAYOUTS;
    }
}
