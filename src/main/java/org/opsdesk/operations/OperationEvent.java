package org.opsdesk.operations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the outbox announces about an operation: a {@link StatusChanged} (its creation and every move) or an
 * {@link AttributesChanged} (an edit of its attributes). Both are written in the transaction of the change and relayed
 * after commit as they are; listeners take the kind they care for, or this type for both.
 */
public sealed interface OperationEvent permits StatusChanged, AttributesChanged {

    /** Stable id receivers can deduplicate by. */
    UUID eventId();

    Instant occurredAt();

    String actorKind();

    String actorId();

    String actorName();

    /** The reason the actor gave, if any. */
    @Nullable
    String reason();

    /** The operation right after the change. */
    OperationSnapshot operation();

    /** The outbox's {@code event_type} and the webhook's {@code type}: {@link StatusChanged#TYPE} or {@link AttributesChanged#TYPE}. */
    String eventType();
}
