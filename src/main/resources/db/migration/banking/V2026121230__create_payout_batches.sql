-- Payout batches (issue 13, ADR 0030). A batch is a payout_batch operation (operations schema: its stage — open,
-- released, sent, closed, discarded —, its amount = the total, its history and four-eyes approvals); here only what
-- the transfer file needs, keyed by the operation id: the office account it pays from and, once sent, when (the
-- file's creation time, so that every later download writes the same bytes).
create table banking.payout_batch (
    id                 uuid        primary key,             -- operations.operation of type payout_batch
    bank_account_id    uuid        not null,                -- exchange.bank_account the money leaves from
    currency           text        not null,
    message_id         text        not null unique check (length(message_id) <= 35),
    created_by_kind    text        not null,
    created_by_id      text        not null,
    created_by_name    text        not null,
    created_at         timestamptz not null,
    sent_at            timestamptz,                         -- the first download of the released batch
    execution_date     date,                                -- requested execution date written in its file
    sent_by_kind       text,
    sent_by_id         text,
    sent_by_name       text,
    check ((sent_at is null) = (execution_date is null))
);

create index payout_batch_list on banking.payout_batch (created_at desc, id desc);

-- One transfer of a batch: an exchange order's payout, or a refund instruction's. What the file carries is copied
-- here when the batch is made (the order's payee, amount, end-to-end id), so that a file downloaded again is the
-- same file. Its state: IN_BATCH until the file is sent, then SENT until the bank confirms (CONFIRMED, by a
-- statement entry or by hand) or returns it (RETURNED); REMOVED when a cashier took it out before sending.
create table banking.payout_item (
    id                 uuid        primary key,
    batch_id           uuid        not null references banking.payout_batch (id),
    position           integer     not null,
    order_id           uuid,                                -- exchange_order operation
    refund_id          uuid        references banking.refund_instruction (id),
    end_to_end_id      text        not null check (length(end_to_end_id) <= 35),
    creditor_name      text        not null,
    creditor_iban      text,
    creditor_account   text,
    creditor_bic       text,
    amount             numeric     not null check (amount > 0),
    currency           text        not null,
    remittance         text        not null,
    state              text        not null default 'IN_BATCH'
                                   check (state in ('IN_BATCH', 'SENT', 'CONFIRMED', 'RETURNED', 'REMOVED')),
    settled_reason     text,                                -- why removed / confirmed by hand; the return's code
    settled_entry_id   bigint      references banking.statement_entry (id),   -- the statement's evidence
    settled_by_kind    text,
    settled_by_id      text,
    settled_by_name    text,
    settled_at         timestamptz,
    check ((order_id is null) <> (refund_id is null)),
    check ((creditor_iban is null) <> (creditor_account is null)),
    check ((state in ('IN_BATCH', 'SENT')) = (settled_at is null)),
    unique (batch_id, position),
    unique (batch_id, end_to_end_id)
);

-- An order, or a refund, is in at most one open batch: the guarantee two concurrent generations cannot break.
create unique index payout_item_open_order on banking.payout_item (order_id) where state in ('IN_BATCH', 'SENT');
create unique index payout_item_open_refund on banking.payout_item (refund_id) where state in ('IN_BATCH', 'SENT');
-- a refund paid (confirmed) is not paid again
create unique index payout_item_paid_refund on banking.payout_item (refund_id) where state = 'CONFIRMED';
-- a statement's debit confirms its item by end-to-end id
create index payout_item_sent_e2e on banking.payout_item (end_to_end_id) where state = 'SENT';
