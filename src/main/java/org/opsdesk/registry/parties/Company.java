package org.opsdesk.registry.parties;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A company of the registry, as stored (a CNPJ as its fourteen characters). */
public record Company(
        UUID id,
        String name,
        String documentType,
        String documentNumber,
        @Nullable String address,
        @Nullable String subject,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy)
        implements Party {}
