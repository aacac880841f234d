package org.opsdesk.operations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Status;

/**
 * An operation entered a stage: on creation ({@code fromStage} null) and on every transition. Written to the
 * outbox in the same transaction as the change and relayed after commit, so no change goes unannounced.
 *
 * @param eventId stable id receivers can deduplicate by
 * @param operation the operation right after the change
 */
public record StatusChanged(
        UUID eventId,
        Instant occurredAt,
        @Nullable String fromStage,
        @Nullable Status fromStatus,
        String toStage,
        Status toStatus,
        String actorKind,
        String actorId,
        String actorName,
        @Nullable String reason,
        boolean override,
        OperationSnapshot operation)
        implements OperationEvent {

    public static final String TYPE = "operation.status_changed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
