-- A failing outbox event or timer no longer blocks the others: each failure is counted on the item, the next
-- attempt waits (exponential back-off), and after opsdesk.scheduling.max-failures the item is dead-lettered
-- (dead_at set), skipped by the relay or the timer poller and alerted on, until someone fixes and releases it.
alter table operations.outbox
    add column failures        int         not null default 0,
    add column next_attempt_at timestamptz,           -- null: relay as soon as possible
    add column last_error      text,
    add column dead_at         timestamptz;           -- set: dead-lettered, not relayed any more

-- Dead letters are few; the gauge and the operators find them without scanning the outbox.
create index outbox_dead on operations.outbox (id) where dead_at is not null;

-- One row per operation whose current timer failed; the deadline it failed for is kept, so a timer the operation
-- gets later (it moved on, the deadline changed) starts with a clean slate.
create table operations.timer_failure (
    operation_id    uuid        primary key,
    timer_at        timestamptz not null,
    failures        int         not null check (failures > 0),
    next_attempt_at timestamptz not null,
    last_error      text        not null,
    dead_at         timestamptz
);
