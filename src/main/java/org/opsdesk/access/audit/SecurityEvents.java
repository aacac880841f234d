package org.opsdesk.access.audit;

/** The kinds of security log entries. */
public final class SecurityEvents {

    public static final String LOGIN_SUCCEEDED = "login_succeeded";
    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGIN_THROTTLED = "login_throttled";
    public static final String ACCOUNT_LOCKED = "account_locked";
    /** An account locked for one source address only, after repeated failures from it. */
    public static final String ACCOUNT_ADDRESS_LOCKED = "account_address_locked";

    public static final String LOGOUT = "logout";
    public static final String SESSION_ENDED = "session_ended";
    public static final String MFA_ENROLLED = "mfa_enrolled";
    public static final String MFA_FAILED = "mfa_failed";
    public static final String MFA_RECOVERY_CODE_USED = "mfa_recovery_code_used";
    public static final String MFA_RESET = "mfa_reset";
    /** An administrator lifted an account's sign-in locks (every address, soft and hard). */
    public static final String ACCOUNT_UNLOCKED = "account_unlocked";

    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String PASSWORD_CHANGE_REFUSED = "password_change_refused";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String OPERATOR_CREATED = "operator_created";
    public static final String OPERATOR_UPDATED = "operator_updated";
    public static final String OPERATOR_DISABLED = "operator_disabled";
    public static final String OPERATOR_ENABLED = "operator_enabled";
    public static final String OPERATOR_DELETED = "operator_deleted";
    public static final String ROLE_CREATED = "role_created";
    public static final String ROLE_UPDATED = "role_updated";
    public static final String ROLE_DELETED = "role_deleted";
    public static final String API_KEY_CREATED = "api_key_created";
    public static final String API_KEY_REVOKED = "api_key_revoked";
    public static final String API_KEY_RATE_LIMITED = "api_key_rate_limited";
    public static final String ACCESS_DENIED = "access_denied";

    private SecurityEvents() {}
}
