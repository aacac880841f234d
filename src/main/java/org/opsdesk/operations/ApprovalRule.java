package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Move;

/**
 * A module's own four-eyes rule for the moves of an operation type whose details it owns, beyond the workflow's
 * amount tiers — e.g. the action catalog asks, per invocation, the approvals its action declares (tiers on one of
 * the action's inputs, always, or as the action's handler decides). Declared as a Spring bean by the owning module,
 * at most one per type; {@code MoveRules} asks it for every move a person or key asks for, {@link Approvals} when
 * a request is approved or declined. It is asked inside the move's transaction with the operation's row locked:
 * it reads only, and quickly.
 */
public interface ApprovalRule {

    /** The operation type whose moves this rule judges. */
    String operationType();

    /**
     * How many distinct checkers besides the maker must approve this move of this operation; the higher of this
     * and the workflow's own count applies. 0 for none.
     */
    int requiredApprovals(OperationSnapshot operation, Move move);

    /**
     * The permission whoever asks for the move (and, once approved, its maker still) must hold instead of the
     * transition's own — for a module that grants its moves through permissions of its own (the catalog's {@code
     * action:<id>}). Null to keep the transition's. Only manual transitions are judged this way.
     */
    default @Nullable String permissionToMove(OperationSnapshot operation, String toStage) {
        return null;
    }

    /**
     * The stage a declined request ends the operation in (moved in the declining transaction, recorded in the
     * checker's name with the decline's reason), or null to leave it where it is, as the workflow alone does.
     */
    default @Nullable String stageAfterDecline(OperationSnapshot operation, ApprovalRequest declined) {
        return null;
    }
}
