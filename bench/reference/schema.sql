-- Issue 15: the fixed reference, the minimal durable transaction's tables.
--
-- The columns and their types are the application's (src/main/resources/db/migration/operations/): an operation
-- row, a history entry with its hash chain columns, an outbox event with a JSON payload and the relay's columns.
-- What is left out is everything the product adds on top of "record the change durably":
--   - every secondary index: operations.operation has ten (lists, filters, dashboards, the (type, reference)
--     uniqueness, timers), the outbox three (unpublished, dead letters, by operation, plus event_id unique);
--   - every trigger: the status counters and the history's append-only guard;
--   - CHECK constraints (validation is the product's).
-- Each table keeps only its primary key. The operation's primary key is also the one index the lock needs
-- (SELECT ... WHERE id = ? FOR UPDATE); nothing else is indexed. Kept in its own schema, `ref`, in its own
-- database, so it can never be mistaken for the application's tables.
drop schema if exists ref cascade;
create schema ref;

create table ref.operation (
    id               uuid        primary key,
    type             text        not null,
    workflow_version int         not null,
    reference        text        not null,
    subject          text        not null,
    status           text        not null,
    stage            text        not null,
    amount           numeric,
    currency         text,
    assignee         text,
    attributes       jsonb       not null default '{}'::jsonb,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    stage_entered_at timestamptz not null,
    due_at           timestamptz,
    timer_at         timestamptz,
    history_head     bytea       not null
);

create table ref.history_entry (
    operation_id  uuid        not null,
    seq           bigint      not null,
    kind          text        not null,
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
    changes       text        not null,
    request_id    text,
    previous_hash bytea,
    hash          bytea       not null,
    primary key (operation_id, seq)
);

create table ref.outbox (
    id              bigint      generated always as identity primary key,
    event_id        uuid        not null,
    event_type      text        not null,
    operation_id    uuid        not null,
    payload         jsonb       not null,
    occurred_at     timestamptz not null,
    published_at    timestamptz,
    failures        int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    dead_at         timestamptz
);
