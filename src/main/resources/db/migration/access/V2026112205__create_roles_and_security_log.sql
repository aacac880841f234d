-- Roles (named permission sets), what an operator needs to sign in safely (lockout, MFA), and the security log.

create table access.role (
    name         text        primary key,
    description  text        not null,
    permissions  text[]      not null,
    mfa_required boolean     not null default false,
    built_in     boolean     not null default false,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

alter table access.operator
    add column phone           text,
    add column deleted_at      timestamptz,          -- soft delete: history keeps the name, the username stays taken
    add column updated_at      timestamptz,
    add column failed_logins   integer     not null default 0,  -- consecutive failures (password or code)
    add column locked_until    timestamptz,
    add column mfa_secret      text,                 -- TOTP secret, encrypted with the application's secret key
    add column mfa_enabled_at  timestamptz,
    add column mfa_last_step   bigint,               -- the last accepted TOTP time step: codes are single-use
    add column sessions_valid_after timestamptz;     -- sessions started before this are over (disable, reset)

create table access.mfa_recovery_code (
    operator_id uuid  not null references access.operator (id),
    code_hash   bytea not null,                      -- SHA-256 of a one-time recovery code
    primary key (operator_id, code_hash)
);

-- Failed sign-ins per client address in fixed windows, shared by every node.
create table access.login_throttle (
    ip           text        primary key,
    window_start timestamptz not null,
    failures     integer     not null
);

-- Who did what to access itself: sign-ins, failures, lockouts, MFA, operators, roles, keys. Insert-only.
create table access.security_event (
    id          bigint      generated always as identity primary key,
    at          timestamptz not null,
    kind        text        not null,
    actor_kind  text,
    actor_id    text,
    actor_name  text,
    target      text,
    ip          text,
    user_agent  text,
    details     jsonb       not null default '{}'
);
create index security_event_at on access.security_event (at desc, id desc);
create index security_event_kind_at on access.security_event (kind, at desc, id desc);
create index security_event_actor_at on access.security_event (actor_id, at desc, id desc);
create index security_event_target_at on access.security_event (target, at desc, id desc);

create function access.refuse_security_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'access.security_event is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger security_event_append_only
    before update or delete on access.security_event
    for each row execute function access.refuse_security_event_change();
create trigger security_event_no_truncate
    before truncate on access.security_event
    for each statement execute function access.refuse_security_event_change();
