package org.opsdesk.operations.lifecycle;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationSnapshot;

/** An operation as integrators see it. */
public record OperationResponse(
        UUID id,
        String type,
        String reference,
        String subject,
        String status,
        String stage,
        @Nullable AmountBody amount,
        @Nullable String assignee,
        @JsonRawValue String attributes,
        long version,
        int workflowVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant stageEnteredAt,
        @Nullable Instant dueAt) {

    public record AmountBody(String value, String currency) {}

    static OperationResponse of(OperationSnapshot s) {
        return new OperationResponse(
                s.id(),
                s.type(),
                s.reference(),
                s.subject(),
                s.status().name(),
                s.stage(),
                s.amount() == null
                        ? null
                        : new AmountBody(
                                s.amount().value(), s.amount().currency().code()),
                s.assignee(),
                s.attributesJson(),
                s.version(),
                s.workflowVersion(),
                s.createdAt(),
                s.updatedAt(),
                s.stageEnteredAt(),
                s.dueAt());
    }
}
