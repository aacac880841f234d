package org.opsdesk.operations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Status;

/**
 * One change in an operation's history, never updated or deleted.
 *
 * @param seq the operation's version after this change (1 is the creation)
 * @param changesJson the changed fields as canonical JSON text, hashed exactly as stored
 * @param hash SHA-256 over {@code previousHash} and this entry's canonical content
 */
public record HistoryEntry(
        UUID operationId,
        long seq,
        String kind,
        Instant at,
        String actorKind,
        String actorId,
        String actorName,
        @Nullable String fromStage,
        @Nullable Status fromStatus,
        String toStage,
        Status toStatus,
        @Nullable String reason,
        @Nullable String comment,
        boolean override,
        String changesJson,
        @Nullable String requestId,
        byte @Nullable [] previousHash,
        byte[] hash) {

    public static final String CREATED = "created";
    public static final String TRANSITIONED = "transitioned";
    public static final String ASSIGNED = "assigned";
    public static final String ATTRIBUTES_CHANGED = "attributes_changed";
}
