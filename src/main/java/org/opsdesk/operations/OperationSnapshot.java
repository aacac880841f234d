package org.opsdesk.operations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Status;

/**
 * An operation as it stands at one version.
 *
 * @param attributesJson the free attributes, a JSON object as text (kept as text so numbers keep their digits)
 * @param dueAt when the stage's timer fires or its SLA ends, if either applies
 */
public record OperationSnapshot(
        UUID id,
        String type,
        int workflowVersion,
        String reference,
        String subject,
        Status status,
        String stage,
        @Nullable Money amount,
        @Nullable String assignee,
        String attributesJson,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant stageEnteredAt,
        @Nullable Instant dueAt) {}
