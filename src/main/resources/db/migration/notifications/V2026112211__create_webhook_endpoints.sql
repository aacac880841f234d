-- Webhook endpoints of integrators, and the append-only log of every change to them.
create schema if not exists notifications;

create table notifications.webhook_endpoint (
    id                         uuid        primary key,
    url                        text        not null check (length(url) <= 2000),
    description                text        check (length(description) <= 500),
    event_types                text[]      not null check (cardinality(event_types) > 0),
    enabled                    boolean     not null,
    disabled_reason            text,
    -- Signing secrets must be read back to sign, so they are encrypted (AES-256-GCM with the application secret
    -- key, bound to 'webhook_endpoint:<id>' as associated data: SecretBox, 'v1:<base64>'), never stored plain.
    secret                     text        not null check (secret like 'v1:%'),
    -- After a rotation the old secret keeps signing (second signature) until it expires.
    previous_secret            text        check (previous_secret like 'v1:%'),
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz not null,
    created_by                 text        not null,
    updated_at                 timestamptz not null,
    updated_by                 text        not null,
    check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhook_endpoint_created on notifications.webhook_endpoint (created_at desc, id desc);

-- Who changed which endpoint how (never a secret). Kept after the endpoint is deleted; no foreign key on purpose.
create table notifications.endpoint_change (
    id          bigint      generated always as identity primary key,
    endpoint_id uuid        not null,
    at          timestamptz not null,
    action      text        not null,
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    details     jsonb       not null default '{}'
);
create index endpoint_change_endpoint on notifications.endpoint_change (endpoint_id, id desc);

create function notifications.refuse_endpoint_change_change() returns trigger language plpgsql as $$
begin
    raise exception 'notifications.endpoint_change is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger endpoint_change_append_only
    before update or delete on notifications.endpoint_change
    for each row execute function notifications.refuse_endpoint_change_change();
create trigger endpoint_change_no_truncate
    before truncate on notifications.endpoint_change
    for each statement execute function notifications.refuse_endpoint_change_change();
