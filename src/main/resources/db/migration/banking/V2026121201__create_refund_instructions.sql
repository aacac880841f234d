-- A refund decided in the payments queue: the entry's money goes back to whoever paid it, in the next payout batch
-- of the office account it came into. One per entry.
create table banking.refund_instruction (
    id               uuid        primary key,
    entry_id         bigint      not null unique references banking.statement_entry (id),
    bank_account_id  uuid        not null,                  -- exchange.bank_account the money came into
    amount           numeric     not null check (amount > 0),
    currency         text        not null,
    payee_name       text        not null check (length(payee_name) between 1 and 140),
    payee_iban       text,
    payee_account    text,
    payee_bic        text,
    reason           text        not null check (length(reason) between 1 and 500),
    created_by_kind  text        not null,
    created_by_id    text        not null,
    created_by_name  text        not null,
    created_at       timestamptz not null,
    check ((payee_iban is null) <> (payee_account is null))
);

create index refund_instruction_account on banking.refund_instruction (bank_account_id, created_at);
