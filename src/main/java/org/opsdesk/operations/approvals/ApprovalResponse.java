package org.opsdesk.operations.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.lifecycle.OperationResponse;

/** An approval request as integrators and checkers see it. */
public record ApprovalResponse(
        UUID id,
        UUID operationId,
        String operationType,
        String fromStage,
        String toStage,
        OperationResponse.@Nullable AmountBody amount,
        @Nullable String reason,
        @Nullable String comment,
        PartyBody maker,
        int requiredApprovals,
        List<ApprovalBody> approvals,
        String state,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable PartyBody decidedBy,
        @Nullable String declineReason,
        @Nullable String voidReason,
        boolean overdue) {

    record PartyBody(String kind, String id, String name) {
        static PartyBody of(ApprovalRequest.Party party) {
            return new PartyBody(party.kind(), party.id(), party.name());
        }
    }

    record ApprovalBody(String kind, String id, String name, Instant at, @Nullable String comment) {}

    public static ApprovalResponse of(ApprovalRequest r) {
        return new ApprovalResponse(
                r.id(),
                r.operationId(),
                r.operationType(),
                r.fromStage(),
                r.toStage(),
                r.amount() == null
                        ? null
                        : new OperationResponse.AmountBody(
                                r.amount().value(), r.amount().currency().code()),
                r.reason(),
                r.comment(),
                PartyBody.of(r.maker()),
                r.requiredApprovals(),
                r.approvals().stream()
                        .map(a -> new ApprovalBody(
                                a.checker().kind(),
                                a.checker().id(),
                                a.checker().name(),
                                a.at(),
                                a.comment()))
                        .toList(),
                r.state().name(),
                r.createdAt(),
                r.decidedAt(),
                r.decidedBy() == null ? null : PartyBody.of(r.decidedBy()),
                r.declineReason(),
                r.voidReason(),
                r.overdue());
    }
}
