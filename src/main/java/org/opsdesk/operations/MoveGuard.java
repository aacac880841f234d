package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Move;

/**
 * A condition a module adds to the moves of an operation type whose details it owns, beyond the workflow's own
 * rules — e.g. {@code exchange} lets a cashier confirm an order's payment by hand only where the order's currency
 * pair is worked manually, and leaves it to statement matching elsewhere. Declared as a Spring bean by the owning
 * module; {@code MoveRules} asks it after the workflow has allowed a move, for every move asked for (API, console,
 * bulk actions; a four-eyes move when its maker asks, not again when the checkers' approval applies it) and for the
 * moves offered, so a refused move is neither taken nor shown.
 */
public interface MoveGuard {

    /** The operation type whose moves this guard judges. */
    String operationType();

    /**
     * Null when the move may go ahead; otherwise why not, in a sentence an operator reads (it becomes the detail of
     * a 409 {@code move-refused} problem). Called inside the move's transaction with the operation's row locked,
     * and for offered moves outside of one: it reads only, and quickly.
     */
    @Nullable
    String refusal(OperationSnapshot operation, Move move, Actor actor);
}
