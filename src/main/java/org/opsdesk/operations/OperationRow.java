package org.opsdesk.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Status;

/**
 * One operation as a flat row, the fields an export writes: lighter than {@link OperationSnapshot} (no workflow
 * version, stage entry time or money validation), since an export reads every matching row once.
 *
 * @param amount the amount exactly as stored (never a float), null when the operation has none
 * @param attributesJson the free attributes, a JSON object as text
 */
public record OperationRow(
        UUID id,
        String type,
        String reference,
        Status status,
        String stage,
        String subject,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String assignee,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant dueAt,
        long version,
        String attributesJson) {}
