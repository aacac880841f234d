package org.opsdesk.actions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;

/**
 * One invocation of an action, as its handler sees it when the effect is applied.
 *
 * @param operationId the invocation's operation (also the provider's {@code Idempotency-Key})
 * @param actionId the declared action ({@code account.suspend})
 * @param target the record acted on, read again when the effect applies; for an action that creates a record
 *     ({@code account.open}, {@code person.create}), the record it starts from, or null when there is none
 * @param input the checked input
 * @param reason the maker's reason
 * @param maker who invoked it (under four-eyes: the maker, not the approver)
 */
public record Invocation(
        UUID operationId,
        String actionId,
        @Nullable ActionTarget target,
        ActionInput input,
        @Nullable String reason,
        Actor maker) {}
