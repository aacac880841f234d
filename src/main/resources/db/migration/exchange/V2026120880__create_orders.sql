-- Quotes and orders' exchange details. An order is an exchange_order operation (operations schema: its status,
-- stage, history); here only what the exchange itself needs, keyed by the operation id. No foreign key crosses
-- into another module's schema.

-- A quote locks a pair's rate for a client for a short time; accepting it creates the order. Used once.
create table exchange.quote (
    id               uuid        primary key,
    base             text        not null,
    quote            text        not null,
    side             text        not null check (side in ('BUY', 'SELL')),
    rate             numeric     not null check (rate > 0),
    pay_amount       numeric     not null check (pay_amount > 0),
    pay_currency     text        not null,
    receive_amount   numeric     not null check (receive_amount > 0),
    receive_currency text        not null,
    fixed            text        not null check (fixed in ('PAY', 'RECEIVE')),
    subject          text,                           -- the portal client it was shown to; null at the desk
    created_by_kind  text        not null,
    created_by_id    text        not null,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    order_id         uuid unique,                    -- the order its acceptance created
    check (expires_at > created_at)
);

create table exchange.order_detail (
    operation_id         uuid        primary key,
    base                 text        not null,
    quote                text        not null,
    side                 text        not null check (side in ('BUY', 'SELL')),
    rate                 numeric     not null check (rate > 0),
    quoted_rate          numeric     not null check (quoted_rate > 0),   -- the rate the client accepted
    pay_amount           numeric     not null check (pay_amount > 0),
    pay_currency         text        not null,
    receive_amount       numeric     not null check (receive_amount > 0),
    receive_currency     text        not null,
    fixed                text        not null check (fixed in ('PAY', 'RECEIVE')),
    payment_reference    text        not null unique,
    pay_in_account_id    uuid        not null,
    pay_in_paired        boolean     not null,       -- the office's account is at the bank the client pays from
    pay_in_bank          text        not null,       -- as the client was told, even if the account is edited later
    pay_in_iban          text,
    pay_in_number        text,
    payout_from_id       uuid,                       -- the office's account the payout leaves from
    payout_paired        boolean     not null default false,
    payout_iban          text,
    payout_account       text,
    payout_name          text        not null,
    pay_from_iban        text,
    pay_from_account     text,
    deadline             timestamptz not null,
    channel              text        not null check (channel in ('desk', 'api', 'portal')),
    quote_id             uuid        unique,
    created_at           timestamptz not null,
    check ((payout_iban is null) <> (payout_account is null))
);

create index order_detail_created on exchange.order_detail (created_at desc);

-- Every change of an order's rate: insert-only, the operation's history holds the same with its hash chain.
create table exchange.order_rate_change (
    id                   bigint generated always as identity primary key,
    operation_id         uuid        not null,
    from_rate            numeric     not null,
    to_rate              numeric     not null,
    from_pay             numeric     not null,
    to_pay               numeric     not null,
    from_receive         numeric     not null,
    to_receive           numeric     not null,
    reason               text        not null,
    actor_kind           text        not null,
    actor_id             text        not null,
    actor_name           text        not null,
    approved_by_id       text,
    approved_by_name     text,
    at                   timestamptz not null
);

create index order_rate_change_operation on exchange.order_rate_change (operation_id, id);

create function exchange.refuse_order_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'exchange.% is insert-only', tg_table_name using errcode = 'insufficient_privilege';
end $$;

create trigger order_rate_change_append_only before update or delete on exchange.order_rate_change
    for each row execute function exchange.refuse_order_log_change();
create trigger order_rate_change_no_truncate before truncate on exchange.order_rate_change
    for each statement execute function exchange.refuse_order_log_change();

-- A rate change beyond the configured difference waits for a second person (four-eyes): the maker asks, another
-- holder of exchange:orders approves (then it applies) or declines; a newer request or the order's end voids it.
create table exchange.order_rate_request (
    id               uuid        primary key,
    operation_id     uuid        not null,
    to_rate          numeric     not null check (to_rate > 0),
    reason           text        not null,
    maker_kind       text        not null,
    maker_id         text        not null,
    maker_name       text        not null,
    maker_person     text        not null,          -- whom four-eyes compares (Actor.person)
    created_at       timestamptz not null,
    state            text        not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'DECLINED', 'VOID')),
    decided_by_id    text,
    decided_by_name  text,
    decided_at       timestamptz,
    decision_note    text
);

create unique index order_rate_request_one_pending on exchange.order_rate_request (operation_id) where state = 'PENDING';
