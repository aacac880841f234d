-- The office's own bank accounts, in which clients pay and from which payouts leave, and the insert-only log of every
-- change to them. An account is identified by its number (an IBAN, or a domestic account number with the bank's
-- BIC), kept in its electronic form: upper case, no spaces or dashes. Accounts are disabled, never deleted: orders
-- and statements will refer to them.
create table exchange.bank_account (
    id              uuid        primary key,
    bank_name       text        not null check (length(bank_name) between 1 and 100),
    bic             text        check (bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'),
    iban            text        check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    account_number  text        check (account_number ~ '^[A-Z0-9]{5,34}$'),
    -- the number as one comparable value, whichever kind it is: one account per number, enabled or not
    number          text        not null unique generated always as (coalesce(iban, account_number)) stored,
    currency        text        not null check (currency ~ '^[A-Z][A-Z0-9]{2,9}$'),
    purpose         text        not null check (purpose in ('incoming', 'payout', 'both')),
    -- the account used for the currency when no account at the client's bank is (at most one each, see below)
    default_incoming boolean    not null default false,
    default_payout  boolean     not null default false,
    active          boolean     not null default true,
    -- filled by the statement import (next issue); null until a statement was read
    balance         numeric,
    balance_as_of   timestamptz,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    check ((iban is null) <> (account_number is null)),
    check (account_number is null or bic is not null),
    check (not default_incoming or (active and purpose in ('incoming', 'both'))),
    check (not default_payout or (active and purpose in ('payout', 'both'))),
    check ((balance is null) = (balance_as_of is null))
);
create unique index bank_account_default_incoming on exchange.bank_account (currency) where default_incoming;
create unique index bank_account_default_payout on exchange.bank_account (currency) where default_payout;
-- the list (by currency, then bank) and pairing (the active accounts of one currency)
create index bank_account_currency on exchange.bank_account (currency, bank_name, id);

-- Who changed which account how: the values before and after. No foreign key: the log outlives what it describes.
create table exchange.bank_account_change (
    id              bigint      generated always as identity primary key,
    bank_account_id uuid        not null,
    at              timestamptz not null,
    action          text        not null,
    actor_kind      text        not null,
    actor_id        text        not null,
    actor_name      text        not null,
    before          jsonb,
    after           jsonb       not null
);
create index bank_account_change_account on exchange.bank_account_change (bank_account_id, id desc);

create function exchange.refuse_bank_account_change_change() returns trigger language plpgsql as $$
begin
    raise exception 'exchange.bank_account_change is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger bank_account_change_append_only
    before update or delete on exchange.bank_account_change
    for each row execute function exchange.refuse_bank_account_change_change();
create trigger bank_account_change_no_truncate
    before truncate on exchange.bank_account_change
    for each statement execute function exchange.refuse_bank_account_change_change();
