-- Four-eyes approvals: a transition under a four-eyes policy becomes a request that distinct checkers approve.
-- Lives with the operations because the request, its votes and the resulting transition commit together under
-- the operation's row lock and history chain (docs/adr/0004-approvals-live-with-operations.md).
create table operations.approval_request (
    id                 uuid        primary key,
    operation_id       uuid        not null,
    operation_type     text        not null,
    from_stage         text        not null,
    to_stage           text        not null,
    stage_entered_at   timestamptz not null,  -- when the operation entered from_stage; any later move voids the request
    override           boolean     not null,  -- the maker forced a system move with the override permission
    amount             numeric,
    currency           text,
    reason             text,
    comment            text,
    maker_kind         text        not null,
    maker_id           text        not null,
    maker_name         text        not null,
    maker_key          text        not null,  -- Actor.principalKey(): four-eyes counts principals, not names
    required_approvals int         not null check (required_approvals between 1 and 10),
    state              text        not null check (state in ('PENDING', 'APPROVED', 'DECLINED', 'VOID')),
    created_at         timestamptz not null,
    decided_at         timestamptz,
    decided_by_kind    text,
    decided_by_id      text,
    decided_by_name    text,
    decline_reason     text,
    void_reason        text,
    constraint approval_request_amount_with_currency check ((amount is null) = (currency is null)),
    constraint approval_request_decided check ((state = 'PENDING') = (decided_at is null)),
    constraint approval_request_declined_with_reason check ((state = 'DECLINED') = (decline_reason is not null)),
    constraint approval_request_void_with_reason check ((state = 'VOID') = (void_reason is not null))
);

-- One pending request per operation and target stage; voiding pending requests when the operation moves.
create unique index approval_request_one_pending on operations.approval_request (operation_id, to_stage)
    where state = 'PENDING';
-- The queue filters: everything, by state (pending first of all), by maker ("mine"); keyset on (created_at, id).
create index approval_request_created on operations.approval_request (created_at desc, id desc);
create index approval_request_state_created on operations.approval_request (state, created_at desc, id desc);
create index approval_request_maker_created on operations.approval_request (maker_key, created_at desc, id desc);

-- One row per distinct checker who approved; insert-only like the history.
create table operations.approval_vote (
    request_id   uuid        not null references operations.approval_request (id),
    checker_key  text        not null,  -- Actor.principalKey()
    checker_kind text        not null,
    checker_id   text        not null,
    checker_name text        not null,
    comment      text,
    at           timestamptz not null,
    primary key (request_id, checker_key)
);
create function operations.refuse_vote_change() returns trigger language plpgsql as $$
begin
    raise exception 'operations.approval_vote is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger approval_vote_append_only
    before update or delete on operations.approval_vote
    for each row execute function operations.refuse_vote_change();

-- The history records every step of an approval.
alter table operations.history_entry drop constraint history_entry_kind_check;
alter table operations.history_entry add constraint history_entry_kind_check check (kind in (
    'created', 'transitioned', 'assigned', 'attributes_changed',
    'approval_requested', 'approval_given', 'approval_declined', 'approval_voided'));

-- The queues of the operations list: "unassigned" (assignee is null) and "assigned to me" in keyset order.
create index operation_unassigned_created on operations.operation (created_at desc, id desc) where assignee is null;
create index operation_assignee_created on operations.operation (assignee, created_at desc, id desc)
    where assignee is not null;
drop index operations.operation_assignee;
