package org.opsdesk.operations.approvals;

import org.opsdesk.shared.ProblemException;

/**
 * The request no longer means what its checkers would approve — the operation moved on since it was asked for,
 * or its maker may no longer make the move — so it is kept as VOID (that change commits although this is thrown).
 * The problem carries {@code voidReason} (the words recorded with the request) and {@code reasonCode}, which of
 * the two it was ({@link #OPERATION_MOVED} or {@link #MAKER_OUT_OF_STANDING}), for the console's message and for
 * clients that branch on it.
 */
public final class ApprovalVoid extends ProblemException {

    /** The operation moved on since the request was made. */
    public static final String OPERATION_MOVED = "operation-moved";

    /** The maker was disabled, deleted, revoked or lost the move's permission since. */
    public static final String MAKER_OUT_OF_STANDING = "maker-out-of-standing";

    // The start of every void reason ApprovalCase writes about the maker: how a stored reason is told apart.
    static final String MAKER_REASON_PREFIX = "the maker (";

    public ApprovalVoid(String reasonCode, String voidReason) {
        super(409, "approval-void", "Approval request is void", voidReason);
        with("state", "VOID");
        with("voidReason", voidReason);
        with("reasonCode", reasonCode);
    }

    /**
     * The problem for a request found void already, from the reason stored with it: only {@link ApprovalCase}
     * writes the maker's reason, and always with {@link #MAKER_REASON_PREFIX}; every other void is a move.
     */
    static ApprovalVoid recorded(String voidReason) {
        return new ApprovalVoid(
                voidReason.startsWith(MAKER_REASON_PREFIX) ? MAKER_OUT_OF_STANDING : OPERATION_MOVED, voidReason);
    }
}
