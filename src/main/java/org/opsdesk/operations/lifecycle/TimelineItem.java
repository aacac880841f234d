package org.opsdesk.operations.lifecycle;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.workflow.Status;

/**
 * One line of the operation's timeline: a history entry. (What was sent about it is the {@code notifications}
 * module's panel beside it.)
 *
 * @param kind the key of its wording: the history entry's kind, refined where one kind reads differently ({@code
 *     assigned.claim}, {@code transitioned.approved})
 * @param detail what fills the wording: the assignee, the approval request's target stage, the checkers
 */
public record TimelineItem(
        String kind,
        Instant at,
        String actor,
        @Nullable String fromStage,
        @Nullable Status fromStatus,
        @Nullable String toStage,
        @Nullable Status toStatus,
        @Nullable String reason,
        @Nullable String comment,
        boolean override,
        @Nullable String detail,
        long seq) {

    static TimelineItem of(HistoryEntry e, String kind, @Nullable String detail) {
        boolean moved = e.kind().equals(HistoryEntry.TRANSITIONED) || e.kind().equals(HistoryEntry.CREATED);
        return new TimelineItem(
                kind,
                e.at(),
                e.actorName(),
                moved ? e.fromStage() : null,
                moved ? e.fromStatus() : null,
                moved ? e.toStage() : null,
                moved ? e.toStatus() : null,
                e.reason(),
                e.comment(),
                e.override(),
                detail,
                e.seq());
    }
}
