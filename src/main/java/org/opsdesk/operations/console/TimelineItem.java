package org.opsdesk.operations.console;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.OperationNotifications;
import org.opsdesk.workflow.Status;

/**
 * One line of the operation's timeline: a history entry, or a notification sent for it.
 *
 * @param kind the key of its wording: the history entry's kind, refined where one kind reads differently ({@code
 *     assigned.claim}, {@code transitioned.approved}), or {@code notification}
 * @param detail what fills the wording: the assignee, the approval request's target stage, the checkers, the
 *     notification's channel and recipient
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
        @Nullable String state,
        long seq) {

    static final String NOTIFICATION = "notification";

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
                null,
                e.seq());
    }

    static TimelineItem of(OperationNotifications.Sent sent) {
        return new TimelineItem(
                NOTIFICATION,
                sent.createdAt(),
                sent.sentBy() == null ? "" : sent.sentBy(),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                sent.channel() + " → " + sent.recipient(),
                sent.state(),
                0);
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(kind);
    }
}
