package org.opsdesk.registry.pix;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A Pix key of an account, kept normalised; {@code active} until cancelled (which frees its value). */
public record PixKey(
        UUID id,
        UUID accountId,
        String type,
        String value,
        String status,
        @Nullable Instant cancelledAt,
        Instant createdAt,
        String createdBy) {}
