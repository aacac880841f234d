package org.opsdesk.access.operators;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An operator as administrators see them (never the password hash or MFA secret). */
public record Operator(
        java.util.UUID id,
        String username,
        String displayName,
        @Nullable String email,
        @Nullable String phone,
        String locale,
        List<String> roles,
        boolean enabled,
        boolean mfaEnabled,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant lastLoginAt,
        @Nullable Instant deletedAt) {

    public Operator {
        roles = List.copyOf(roles);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** Enabled and not deleted: may sign in and be assigned work. */
    public boolean active() {
        return enabled && deletedAt == null;
    }
}
