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
    /** A four-eyes move was asked for; the operation stays where it is until enough checkers approve. */
    public static final String APPROVAL_REQUESTED = "approval_requested";
    /** A checker approved a request; the last needed approval is followed by the transition itself. */
    public static final String APPROVAL_GIVEN = "approval_given";

    public static final String APPROVAL_DECLINED = "approval_declined";
    /** A request found stale (the operation moved on) when a checker acted on it. */
    public static final String APPROVAL_VOIDED = "approval_voided";
    /** An internal comment: the text is the entry's comment; stage and fields stay as they are. */
    public static final String COMMENTED = "commented";
    /**
     * A dead-lettered outbox event or timer of the operation was released to be tried again: the reason is the
     * releaser's, the changes name the item ({@code deadLetter}: {@code outbox} or {@code timer}, {@code item}), its
     * {@code failures} and {@code lastError}; stage and fields stay as they are.
     */
    public static final String DEAD_LETTER_RELEASED = "dead_letter_released";
}
