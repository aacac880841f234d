package org.opsdesk.actions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One invocation on a record, as its record page's timeline shows it: the action, its operation's canonical status
 * and stage now, who made it and why.
 *
 * @param status the operation's canonical status code ({@code PENDING}, {@code SUCCESS}, {@code ERROR}, {@code
 *     REJECTED})
 * @param waitsForApproval whether it is still waiting for a second person (four-eyes, not yet decided)
 */
public record ActionTimelineEntry(
        UUID operationId,
        String actionId,
        String status,
        String stage,
        boolean waitsForApproval,
        String maker,
        @Nullable String reason,
        Instant at) {}
