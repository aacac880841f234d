-- Operations, their append-only hash-chained history, and the transactional outbox of status changes.
create schema if not exists operations;

create table operations.operation (
    id               uuid        primary key,
    type             text        not null,
    workflow_version int         not null,
    reference        text        not null,
    subject          text        not null,
    status           text        not null check (status in ('PENDING', 'SUCCESS', 'ERROR', 'REJECTED')),
    stage            text        not null,
    amount           numeric,
    currency         text,
    assignee         text,
    attributes       jsonb       not null default '{}'::jsonb,
    version          bigint      not null check (version > 0),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    stage_entered_at timestamptz not null,
    due_at           timestamptz,          -- timer deadline or stage SLA, shown to people
    timer_at         timestamptz,          -- when the stage's timer transition fires; null when none
    history_head     bytea       not null, -- hash of the newest history entry
    constraint operation_amount_with_currency check ((amount is null) = (currency is null)),
    constraint operation_reference_unique unique (type, reference)
);

-- Keyset pagination and the filters the API offers.
create index operation_created on operations.operation (created_at desc, id desc);
create index operation_updated on operations.operation (updated_at desc, id desc);
create index operation_type_status_created on operations.operation (type, status, created_at desc, id desc);
create index operation_status_created on operations.operation (status, created_at desc, id desc);
create index operation_subject on operations.operation (subject, created_at desc);
create index operation_assignee on operations.operation (assignee, created_at desc) where assignee is not null;
create index operation_reference on operations.operation (reference);
create index operation_timer on operations.operation (timer_at) where timer_at is not null;

create table operations.history_entry (
    operation_id  uuid        not null,
    seq           bigint      not null,   -- the operation's version after this change
    kind          text        not null check (kind in ('created', 'transitioned', 'assigned', 'attributes_changed')),
    at            timestamptz not null,
    actor_kind    text        not null,
    actor_id      text        not null,
    actor_name    text        not null,
    from_stage    text,
    from_status   text,
    to_stage      text        not null,
    to_status     text        not null,
    reason        text,
    comment       text,
    override      boolean     not null,
    changes       text        not null,   -- canonical JSON of the changed fields, hashed as stored
    request_id    text,
    previous_hash bytea,
    hash          bytea       not null,
    primary key (operation_id, seq)
);

-- History is append-only in the database, whatever the code does.
create function operations.refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'operations.history_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger history_entry_append_only
    before update or delete on operations.history_entry
    for each row execute function operations.refuse_history_change();
create trigger history_entry_no_truncate
    before truncate on operations.history_entry
    for each statement execute function operations.refuse_history_change();

create table operations.outbox (
    id           bigint      generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    operation_id uuid        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_unpublished on operations.outbox (id) where published_at is null;
