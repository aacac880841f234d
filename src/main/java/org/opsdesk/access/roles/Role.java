package org.opsdesk.access.roles;

import java.time.Instant;
import java.util.Set;

/** A named set of permissions; {@code mfaRequired} makes its holders sign in with a second factor. */
public record Role(
        String name,
        String description,
        Set<String> permissions,
        boolean mfaRequired,
        boolean builtIn,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ADMIN = "admin";

    public Role {
        permissions = Set.copyOf(permissions);
    }
}
