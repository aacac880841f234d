package org.opsdesk.operations.approvals;

/**
 * What a checker's decision did to an {@link ApprovalCase}; the application service persists it and records it
 * in the operation's history. Refusals (the maker deciding, a second vote of one person, a request no longer
 * pending) are thrown as problems instead and change nothing.
 */
public sealed interface ApprovalOutcome {

    /**
     * An approval counted.
     *
     * @param approvals how many approvals the request has now, this one included
     * @param required how many it needs
     */
    record ApprovalGiven(int approvals, int required) implements ApprovalOutcome {

        /** Whether this was the last needed approval: the move applies now. */
        public boolean approvesTheRequest() {
            return approvals >= required;
        }
    }

    /** The checker declined, with this reason; the operation stays where it is. */
    record RequestDeclined(String reason) implements ApprovalOutcome {}

    /**
     * The request can no longer mean what its checkers would decide, so it became void instead (that commits), and
     * the checker is answered with {@link ApprovalVoid}.
     *
     * @param reasonCode {@link ApprovalVoid#OPERATION_MOVED} or {@link ApprovalVoid#MAKER_OUT_OF_STANDING}
     * @param why the words recorded with the request and in the history
     */
    record RequestVoided(String reasonCode, String why) implements ApprovalOutcome {}
}
