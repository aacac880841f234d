-- The client portal: the people and companies who registered on it, their payout accounts, the proofs that they
-- own their email address and phone, and their sessions. Portal clients are not operators: their own table, their
-- own sessions, their own sign-in limits.
create schema if not exists portal;

create table portal.client (
    id                uuid        primary key,
    subject           text        not null unique,        -- the id operations and the client directory know them by
    kind              text        not null check (kind in ('person', 'company')),
    display_name      text        not null,
    email             text        not null,                -- as typed; unique whatever its case
    email_verified_at timestamptz,
    phone             text        not null,                -- E.164
    phone_verified_at timestamptz,
    password_hash     text        not null,
    locale            text        not null,
    details           jsonb       not null,                -- the person's or company's registration data
    email_consent     boolean     not null,
    sms_consent       boolean     not null,
    kyc_operation_id  uuid,                                -- the kyc_verification operation, once both are verified
    failed_sign_ins   int         not null default 0,
    locked_until      timestamptz,
    totp_secret       text,                                -- sealed by the application's SecretBox
    totp_last_step    bigint,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create unique index client_email on portal.client (lower(email));
create index client_created on portal.client (created_at desc, id desc);

create table portal.payout_account (
    client_id  uuid        not null references portal.client (id),
    currency   text        not null,
    iban       text        not null,                       -- electronic form, checked
    created_at timestamptz not null,
    primary key (client_id, currency, iban)
);

-- Email verification links: only the SHA-256 of the random token is kept; a link works once, until it expires.
create table portal.email_token (
    token_hash text        primary key,
    client_id  uuid        not null references portal.client (id),
    email      text        not null,                       -- the address it was sent to
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index email_token_client on portal.email_token (client_id, created_at desc);

-- The phone code in force (one per client): its hash, expiry, tries left, and when it was sent (resend throttle).
create table portal.phone_code (
    client_id  uuid        primary key references portal.client (id),
    code_hash  text        not null,
    expires_at timestamptz not null,
    failures   int         not null default 0,
    sent_at    timestamptz not null,
    sends      int         not null,                       -- codes sent in the current window
    window_start timestamptz not null
);

-- Failed sign-ins per address (the per-address throttle), kept for the window the throttle looks at.
create table portal.sign_in_failure (
    address text        not null,
    at      timestamptz not null
);
create index sign_in_failure_address on portal.sign_in_failure (address, at);

-- Portal sessions: Spring Session JDBC's schema, apart from the console's (access.http_session).
create table portal.http_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint http_session_pk primary key (primary_id)
);
create unique index http_session_ix1 on portal.http_session (session_id);
create index http_session_ix2 on portal.http_session (expiry_time);
create index http_session_ix3 on portal.http_session (principal_name);

create table portal.http_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id)
        references portal.http_session (primary_id) on delete cascade
);
