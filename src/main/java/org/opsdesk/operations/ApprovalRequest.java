package org.opsdesk.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;

/**
 * A four-eyes transition waiting for (or done with) its checkers: the maker asked to move an operation from one
 * stage to another, and {@code requiredApprovals} distinct people other than the maker (a key counts as the person behind it) must approve before
 * the move applies. Declined and void requests are kept.
 *
 * @param approvals the checkers who approved so far, oldest first
 * @param decidedBy who approved last, declined, or caused the void; null while pending
 * @param overdue pending for longer than {@code opsdesk.approvals.overdue-after}
 */
public record ApprovalRequest(
        UUID id,
        UUID operationId,
        String operationType,
        String fromStage,
        String toStage,
        @Nullable Money amount,
        @Nullable String reason,
        @Nullable String comment,
        Party maker,
        int requiredApprovals,
        List<Approval> approvals,
        State state,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable Party decidedBy,
        @Nullable String declineReason,
        @Nullable String voidReason,
        boolean overdue) {

    public ApprovalRequest {
        approvals = List.copyOf(approvals);
    }

    public enum State {
        PENDING,
        APPROVED,
        DECLINED,
        VOID
    }

    /** A principal as recorded at the time: kind code ({@code operator}, {@code api_key}), id and name. */
    public record Party(String kind, String id, String name) {
        public static Party of(Actor actor) {
            return new Party(actor.kind().code(), actor.id(), actor.name());
        }

        /** The kind as an {@link Actor.Kind}. */
        public Actor.Kind actorKind() {
            return Actor.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        }

        /** Same as {@link Actor#principalKey()}. */
        public String principalKey() {
            return kind + ":" + id;
        }
    }

    /** One checker's approval. */
    public record Approval(Party checker, Instant at, @Nullable String comment) {}
}
