package org.opsdesk.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operation's attributes were edited (its stage stays): an exchange order's rate changed with its amounts, an
 * integrator patched a field. Written to the outbox with the edit, like {@link StatusChanged}, but only when at least
 * one top-level attribute's value changed.
 *
 * @param eventId stable id receivers can deduplicate by
 * @param changed the top-level attribute keys whose values changed (added, removed or different), sorted
 * @param previousJson the values those keys had before, a JSON object as text ({@code null} for a key that was
 *     absent), so a message can say "from … to …" with the values after in {@code operation}
 * @param operation the operation right after the change
 */
public record AttributesChanged(
        UUID eventId,
        Instant occurredAt,
        String actorKind,
        String actorId,
        String actorName,
        @Nullable String reason,
        List<String> changed,
        String previousJson,
        OperationSnapshot operation)
        implements OperationEvent {

    public static final String TYPE = "operation.attributes_changed";

    public AttributesChanged {
        changed = List.copyOf(changed);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
