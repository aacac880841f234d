package org.opsdesk.registry.users;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A device a user signed in from; a trusted one may confirm payments without a second factor. */
public record Device(
        UUID id,
        UUID userId,
        String label,
        String platform,
        boolean trusted,
        @Nullable Instant trustedAt,
        @Nullable Instant lastSeenAt,
        Instant createdAt) {}
