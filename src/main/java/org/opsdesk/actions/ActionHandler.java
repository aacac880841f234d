package org.opsdesk.actions;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;

/**
 * One declared action's behaviour, a Spring bean of the module that owns the target's records. The catalog does
 * the rest: permission, declared input checks, typed confirmation, four-eyes, the invocation's operation and its
 * moves, the provider call (outside any transaction) and idempotency.
 */
public interface ActionHandler {

    /** The declared action this handler implements ({@code account.suspend}); each declaration has exactly one. */
    String actionId();

    /**
     * Null when the action may be taken on this record now; otherwise why not, in a sentence an operator reads
     * (the action is not offered, and asking for it answers {@code 409} with it). Reads only, and quickly: the
     * record page asks it for every action.
     */
    @Nullable
    String unavailableBecause(ActionTarget target, Actor actor);

    /**
     * Checks the input beyond what the declaration says (a Pix key not taken, a transfer between accounts of the
     * same holder), before anything is stored: throws {@link org.opsdesk.shared.InvalidInput} with the field, or
     * {@link ActionRefused}.
     */
    default void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {}

    /**
     * For a declaration with {@code fourEyes: handler}: how many approvals by other people this invocation needs
     * (0: none), from the target as it is and the checked input — e.g. raising a cash-out level needs one, lowering
     * it none. Ignored for other declarations.
     */
    default int requiredApprovals(ActionTarget target, ActionInput input) {
        return 0;
    }

    /**
     * What the action asks of the provider, as the JSON body of the connector's request — or null when it acts on
     * Opsdesk's records only. The catalog refuses provider actions with "no provider configured" when none is.
     */
    default @Nullable Map<String, Object> providerRequest(Invocation invocation) {
        return null;
    }

    /**
     * Applies the effect on Opsdesk's own records, inside the transaction that moves the invocation's operation to
     * its applied stage — after the provider confirmed it, when one was asked ({@code providerResult} is then its
     * answer's body, else null). Throws {@link ActionRefused} when the record's state no longer allows it.
     */
    Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult);
}
