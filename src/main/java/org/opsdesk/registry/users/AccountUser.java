package org.opsdesk.registry.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user of an account (accounts are multi-user): who signs in to the institution's app for it, with a status
 * ({@code active} or {@code blocked}) and what they may do on the account.
 *
 * @param permissions among {@link UserPermissions#ALL}
 * @param subject the client directory's subject the user is known by (push token, consents); null when not linked
 */
public record AccountUser(
        UUID id,
        UUID accountId,
        String name,
        String email,
        @Nullable String phone,
        String status,
        List<String> permissions,
        @Nullable String subject,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public AccountUser {
        permissions = List.copyOf(permissions);
    }
}
