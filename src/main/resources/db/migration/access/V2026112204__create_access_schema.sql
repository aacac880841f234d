-- Who may act: operators (people) and API keys (integrations). Secrets are stored only as hashes.
create schema if not exists access;

create table access.operator (
    id            uuid        primary key,
    username      text        not null unique,
    display_name  text        not null,
    email         text,
    password_hash text        not null,  -- DelegatingPasswordEncoder format: {id}hash
    roles         text[]      not null,
    locale        text        not null default 'en',
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    last_login_at timestamptz
);

create table access.api_key (
    id           uuid        primary key,
    name         text        not null,
    secret_hash  bytea       not null unique,  -- SHA-256 of a high-entropy secret
    permissions  text[]      not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz not null,
    created_by   text        not null,
    last_used_at timestamptz,
    last_used_ip text
);
