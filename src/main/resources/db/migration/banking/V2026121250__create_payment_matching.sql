-- Matching credit entries to exchange orders (ADR 0031): one outcome per entry — matched automatically, or waiting in
-- the payments queue with its reason until a cashier links, returns or sets it aside. The row is the entry's claim:
-- the importer inserts it (first one wins), a cashier's decision locks it, so an entry is never used twice.
create table banking.payment_match (
    entry_id         bigint      primary key references banking.statement_entry (id),
    import_id        uuid        not null references banking.statement_import (id),
    bank_account_id  uuid        not null,                   -- exchange.bank_account the money came into
    state            text        not null check (state in ('MATCHED', 'QUEUED', 'LINKED', 'RETURNED', 'SET_ASIDE')),
    -- why it waits (kept after the decision): partial, over-payment, late, ambiguous, no candidate …
    queue_reason     text        check (queue_reason in ('PARTIAL', 'OVERPAID', 'LATE', 'AMBIGUOUS', 'NO_CANDIDATE',
                                                         'NO_REFERENCE', 'WRONG_CURRENCY', 'NOT_AWAITING')),
    rule             text        not null check (rule in ('REFERENCE', 'AMOUNT_AND_PAYER', 'NONE')),
    score            integer     not null check (score between 0 and 100),
    evidence         jsonb       not null,                   -- which text, which fields, what was found
    candidates       uuid[]      not null default '{}',      -- exchange orders the rules found
    order_id         uuid,                                   -- the order it was matched or linked to
    order_stage      text,                                   -- where that left the order
    matched_at       timestamptz not null,
    decided_by_kind  text,
    decided_by_id    text,
    decided_by_name  text,
    decided_at       timestamptz,
    check (state <> 'QUEUED' or queue_reason is not null),
    check (state not in ('MATCHED', 'LINKED') or order_id is not null)
);

-- the queue's list, newest first, by reason and by account (keyset pagination on (matched_at, entry_id))
create index payment_match_queue on banking.payment_match (state, matched_at desc, entry_id desc);
create index payment_match_queue_reason on banking.payment_match (state, queue_reason, matched_at desc, entry_id desc);
create index payment_match_queue_account on banking.payment_match (state, bank_account_id, matched_at desc, entry_id desc);
create index payment_match_order on banking.payment_match (order_id) where order_id is not null;
create index payment_match_import on banking.payment_match (import_id, entry_id);

-- Every decision on an entry (the matcher's and each cashier's): who, when, why. Insert-only.
create table banking.payment_decision (
    id               bigint      generated always as identity primary key,
    entry_id         bigint      not null references banking.payment_match (entry_id),
    decision         text        not null check (decision in ('MATCHED', 'QUEUED', 'LINKED', 'RETURNED',
                                                              'SET_ASIDE', 'REQUOTED')),
    order_id         uuid,
    reason           text        not null check (length(reason) between 1 and 2000),
    details          jsonb       not null default '{}',
    actor_kind       text        not null,
    actor_id         text        not null,
    actor_name       text        not null,
    at               timestamptz not null
);

create index payment_decision_entry on banking.payment_decision (entry_id, id);

create function banking.refuse_decision_change() returns trigger language plpgsql as $$
begin
    raise exception 'banking.% is insert-only', tg_table_name using errcode = 'insufficient_privilege';
end $$;

create trigger payment_decision_append_only before update or delete on banking.payment_decision
    for each row execute function banking.refuse_decision_change();
create trigger payment_decision_no_truncate before truncate on banking.payment_decision
    for each statement execute function banking.refuse_decision_change();
