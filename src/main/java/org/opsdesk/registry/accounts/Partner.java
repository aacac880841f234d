package org.opsdesk.registry.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A shareholder of a business account: a person or a company of the registry, with their share. */
public record Partner(
        UUID id,
        UUID accountId,
        String partyKind,
        UUID partyId,
        @Nullable BigDecimal sharePercent,
        Instant createdAt,
        String createdBy) {}
