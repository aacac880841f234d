-- A bank's CSV export described once (banking.formats.CsvMapping: separator, decimal comma, date format, encoding,
-- header rows, columns), chosen by the cashier when importing that bank's CSV. Changing a mapping means saving a
-- new one: an import names the mapping it was read with.
create table banking.statement_mapping (
    id              uuid        primary key,
    name            text        not null unique check (length(name) between 1 and 100),
    bank_name       text        not null check (length(bank_name) between 1 and 140),
    mapping         jsonb       not null,
    created_by_kind text        not null,
    created_by_id   text        not null,
    created_by_name text        not null,
    created_at      timestamptz not null
);

-- the statements timeline of an account, newest period first, in keyset pages
create index statement_account_period on banking.statement (bank_account_id, (coalesce(to_date, from_date, date '0001-01-01')) desc, id desc);
