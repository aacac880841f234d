package org.opsdesk.registry.documents;

import java.time.Instant;
import java.util.UUID;

/** An uploaded document's description (its bytes are read only for a download). */
public record Document(
        UUID id,
        UUID accountId,
        String fileName,
        String contentType,
        int sizeBytes,
        String sha256,
        Instant createdAt,
        String createdBy) {}
