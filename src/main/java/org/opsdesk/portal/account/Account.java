package org.opsdesk.portal.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A portal client's row: who they are, what they proved, and their sign-in state. */
public record Account(
        UUID id,
        String subject,
        String kind,
        String displayName,
        String email,
        @Nullable Instant emailVerifiedAt,
        String phone,
        @Nullable Instant phoneVerifiedAt,
        String passwordHash,
        String locale,
        String detailsJson,
        boolean emailConsent,
        boolean smsConsent,
        @Nullable UUID kycOperationId,
        int failedSignIns,
        @Nullable Instant lockedUntil,
        @Nullable String totpSecret,
        @Nullable Long totpLastStep,
        Instant createdAt) {

    public boolean contactsVerified() {
        return emailVerifiedAt != null && phoneVerifiedAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
