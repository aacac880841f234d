package org.opsdesk.actions;

import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.OperationSnapshot;

/**
 * What invoking an action did: its operation as it stands after the call (applied, refused, at the provider, or
 * waiting in {@code requested} for its checkers) and the record it acts on.
 *
 * @param targetId the record acted on; for an action that creates one, the new record's id once applied, else null
 * @param approval the four-eyes request the invocation waits on, null when it did not need one
 */
public record ActionOutcome(
        OperationSnapshot operation, String targetKind, @Nullable String targetId, @Nullable ApprovalRequest approval) {

    public boolean waitsForApproval() {
        return approval != null;
    }
}
