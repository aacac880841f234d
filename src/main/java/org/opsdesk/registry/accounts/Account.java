package org.opsdesk.registry.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account of the registry.
 *
 * @param number eight digits and a check digit ({@code 10000001-7}): what an operator types to confirm an
 *     irreversible action on it
 * @param holderKind {@code person} or {@code company}
 * @param kind {@code personal} or {@code business}
 * @param planCode the plan it is on (plans arrive with the next part: a free code until then)
 * @param status {@code active}, {@code suspended} or {@code cancelled}
 * @param cashOutLevel 0 (no cash out) to 9: how much money may leave the account, as the provider grades it
 * @param nightStartsAt the hour (0–23, local time of the institution) from which the night-time limits apply
 */
public record Account(
        UUID id,
        String number,
        String holderKind,
        UUID holderId,
        String kind,
        @Nullable String planCode,
        String status,
        int cashOutLevel,
        int nightStartsAt,
        @Nullable String subject,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String CANCELLED = "cancelled";

    public boolean cancelled() {
        return status.equals(CANCELLED);
    }

    public boolean business() {
        return kind.equals("business");
    }
}
