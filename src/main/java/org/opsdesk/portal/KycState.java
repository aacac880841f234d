package org.opsdesk.portal;

/** Where a portal client's identity verification stands, as its {@code kyc_verification} operation says. */
public enum KycState {
    /** Email or phone not verified yet: no verification has been opened. */
    NOT_STARTED,
    /** Opened, with compliance (or in a provider's hands, or waiting for documents). */
    PENDING,
    /** Verified: the client may order. */
    APPROVED,
    /** Rejected or expired. */
    REJECTED;

    /** The code pages and messages use: {@code not_started}, {@code pending}, {@code approved}, {@code rejected}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
