-- Cross-cutting HTTP infrastructure: idempotency keys for retried POSTs (IETF idempotency-key draft).
create schema if not exists platform;

create table platform.idempotency_key (
    principal       text        not null,
    idempotency_key text        not null,
    fingerprint     bytea       not null,  -- SHA-256 of method, path and body
    response_status int         not null,
    response_headers jsonb      not null,
    response_body   bytea       not null,
    created_at      timestamptz not null,
    primary key (principal, idempotency_key)
);
create index idempotency_key_created_at on platform.idempotency_key (created_at);
