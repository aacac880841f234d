-- The provider connector's outcome resolver (issue 14, ADR 0025): one row per action whose outcome at the provider
-- is not known yet (a timeout, an "accepted" without its callback), polled on a schedule by whichever node claims it.
-- The row keeps the resolver's own state only; the invocation's status is its operation's (in operations).
create schema if not exists provider;

create table provider.pending_outcome (
    operation_id    uuid        primary key,              -- the action's operation, also the Idempotency-Key
    action_id       text        not null,                 -- the declared action, for the status URL
    state           text        not null check (state in ('pending', 'resolved', 'gave_up', 'closed')),
    why             text        not null,                 -- why it became pending (the connector's answer)
    checks_done     integer     not null default 0 check (checks_done >= 0),
    next_check_at   timestamptz,                          -- null once no longer pending
    last_checked_at timestamptz,
    last_answer     text,                                 -- what the last check heard, as an operator reads it
    resolution      text        check (resolution in ('done', 'failed', 'unknown')),
    resolved_by     text,                                 -- callback, poll, check, settled, gave-up, closed
    resolved_at     timestamptz,
    claim_token     uuid,                                 -- the claim a worker's result must carry
    lease_owner     text,
    lease_until     timestamptz,
    created_at      timestamptz not null,
    check ((state = 'pending') = (next_check_at is not null))
);

-- What the poller claims: pending rows due, in the order they fell due; leases that lapsed are due again.
create index pending_outcome_due on provider.pending_outcome (next_check_at) where state = 'pending';

-- A settlement by hand: an operator says what the outcome was (with a reason), a second person decides. Both
-- tables are insert-only; a request without a decision is pending, and the decision's primary key makes a second
-- decision impossible however two checkers race.
create table provider.settlement_request (
    id             uuid        primary key,
    operation_id   uuid        not null references provider.pending_outcome (operation_id),
    outcome        text        not null check (outcome in ('done', 'failed')),
    reason         text        not null,
    maker_kind     text        not null,
    maker_id       text        not null,
    maker_name     text        not null,
    maker_person   text        not null,
    requested_at   timestamptz not null
);
create index settlement_request_operation on provider.settlement_request (operation_id, requested_at desc);

create table provider.settlement_decision (
    settlement_id  uuid        primary key references provider.settlement_request (id),
    decision       text        not null check (decision in ('approved', 'declined', 'void')),
    reason         text,
    actor_kind     text        not null,
    actor_id       text        not null,
    actor_name     text        not null,
    actor_person   text        not null,
    decided_at     timestamptz not null
);

-- Everything that happened to a pending outcome, in order: became pending, each check and what it heard, a
-- callback, a settlement asked for and decided, the resolution. Insert-only, like every audit table here.
create table provider.outcome_log (
    id             bigint      generated always as identity primary key,
    operation_id   uuid        not null,
    kind           text        not null,
    detail         text        not null,
    actor_kind     text        not null,
    actor_id       text        not null,
    actor_name     text        not null,
    at             timestamptz not null
);
create index outcome_log_operation on provider.outcome_log (operation_id, id);

create function provider.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger settlement_request_append_only before update or delete on provider.settlement_request
    for each row execute function provider.refuse_change();
create trigger settlement_request_no_truncate before truncate on provider.settlement_request
    for each statement execute function provider.refuse_change();
create trigger settlement_decision_append_only before update or delete on provider.settlement_decision
    for each row execute function provider.refuse_change();
create trigger settlement_decision_no_truncate before truncate on provider.settlement_decision
    for each statement execute function provider.refuse_change();
create trigger outcome_log_append_only before update or delete on provider.outcome_log
    for each row execute function provider.refuse_change();
create trigger outcome_log_no_truncate before truncate on provider.outcome_log
    for each statement execute function provider.refuse_change();
