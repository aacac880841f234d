-- The office's bank side (issue 13): statement files imported, their statements and entries (each stored once),
-- the matching of entries to exchange orders, and payout batches. Orders and the office's accounts belong to the
-- exchange schema: they are referred to by id, with no foreign key across schemas.
create schema if not exists banking;

-- One upload of a statement file, whatever it held: who, when, what was found, how far the work has come (the
-- console polls the counters while a large file runs). Every upload is kept, a repeated one too (it adds nothing).
create table banking.statement_import (
    id                 uuid        primary key,
    file_sha256        bytea       not null check (length(file_sha256) = 32),
    file_name          text        check (length(file_name) <= 255),
    file_size          bigint      not null check (file_size >= 0),
    format             text,                                   -- MT940, CAMT_053, CAMT_054, CSV once read
    variant            text,
    state              text        not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'REFUSED')),
    statements_read    integer     not null default 0,
    entries_stored     integer     not null default 0,
    entries_new        integer     not null default 0,
    entries_duplicate  integer     not null default 0,
    entries_matched    integer     not null default 0,
    warnings           jsonb       not null default '[]',
    refusal            jsonb,                                  -- the problem the file was refused with
    created_by_kind    text        not null,
    created_by_id      text        not null,
    created_by_name    text        not null,
    started_at         timestamptz not null,
    finished_at        timestamptz,
    check ((state = 'RUNNING') = (finished_at is null))
);

create index statement_import_started on banking.statement_import (started_at desc, id desc);

-- A statement (or camt.054 notification) of one office account, stored the first time it is imported. The same
-- statement imported again, or an overlapping one, adds only the entries not stored yet.
create table banking.statement (
    id                 uuid        primary key,
    import_id          uuid        not null references banking.statement_import (id),
    bank_account_id    uuid        not null,                   -- exchange.bank_account
    account_identifier text        not null,                   -- as the file named it, normalised
    statement_id       text        not null,
    sequence           text,
    from_date          date,
    to_date            date,
    currency           text        not null,
    opening_balance    numeric,
    closing_balance    numeric,
    entries_total      integer     not null,
    entries_new        integer     not null,
    -- opening balance ≠ the previous statement's closing: a statement is missing in between
    gap_previous_closing numeric,
    imported_at        timestamptz not null,
    check ((opening_balance is null) = (closing_balance is null))
);

create unique index statement_identity on banking.statement (bank_account_id, statement_id, coalesce(sequence, ''));
create index statement_account_timeline on banking.statement (bank_account_id, to_date desc nulls last, imported_at desc);

-- One booked movement, stored once per account: its identity is a fingerprint of what the bank says about it
-- (booking date, amount, direction, bank reference / end-to-end id, remittance) and its occurrence among the
-- statement's entries with the same fingerprint, so two genuinely identical payments in one statement both count.
create table banking.statement_entry (
    id                 bigint      generated always as identity primary key,
    bank_account_id    uuid        not null,
    statement_ref      uuid        not null references banking.statement (id),  -- where it was first seen
    import_id          uuid        not null references banking.statement_import (id),
    fingerprint        bytea       not null check (length(fingerprint) = 32),
    booking_date       date        not null,
    value_date         date,
    amount             numeric     not null check (amount > 0),
    currency           text        not null,
    direction          text        not null check (direction in ('CREDIT', 'DEBIT')),
    counterparty_name  text,
    counterparty_iban  text,
    counterparty_bic   text,
    remittance         text,
    end_to_end_id      text,
    bank_reference     text,
    raw                text        not null,
    stored_at          timestamptz not null
);

create unique index statement_entry_identity on banking.statement_entry (bank_account_id, fingerprint);
create index statement_entry_import on banking.statement_entry (import_id, id);
create index statement_entry_account on banking.statement_entry (bank_account_id, booking_date desc, id desc);
