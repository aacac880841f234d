package org.opsdesk.actions;

import java.util.Map;

/** What the provider answered to an action's request, or what became of the call. */
public sealed interface ProviderAnswer {

    /** Done at the provider; {@code result} is its answer's body (e.g. a balance read). */
    record Done(Map<String, Object> result) implements ProviderAnswer {
        public Done {
            result = Map.copyOf(result);
        }
    }

    /** The provider refused or failed it, with its reason: the invocation ends in {@code ERROR}. */
    record Failed(String reason) implements ProviderAnswer {}

    /**
     * Not known yet: the provider accepted it for later, or the call timed out or kept failing after its retries.
     * The outcome resolver polls for it (and a callback may bring it sooner).
     */
    record Pending(String why) implements ProviderAnswer {}
}
