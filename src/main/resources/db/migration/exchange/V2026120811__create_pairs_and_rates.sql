-- Currency pairs with the office's current rate: it buys 1 base for `buy` units of quote and sells it for `sell`.
-- A pair exists once it has a rate; its exchange mode says how much of an order's payout runs without a person.
create table exchange.pair (
    base            text        not null,
    quote           text        not null,
    mode            text        not null default 'manual'
                                check (mode in ('automatic', 'semi_automatic', 'manual')),
    buy             numeric     not null,
    sell            numeric     not null,
    source          text        not null,                   -- manual, ecb, ...
    updated_at      timestamptz not null,
    updated_by      text        not null,                   -- the actor's name
    last_change_id  uuid        not null,
    primary key (base, quote),
    constraint distinct_currencies check (base <> quote),
    constraint sell_above_buy_above_zero check (buy > 0 and sell > buy)
);

-- Every rate a pair ever had, newest first by (changed_at, id). Insert-only: a correction is a new row.
create table exchange.rate_change (
    id         uuid        primary key,
    base       text        not null,
    quote      text        not null,
    buy        numeric     not null,
    sell       numeric     not null,
    source     text        not null,
    actor_kind text        not null,
    actor_id   text        not null,
    actor_name text        not null,
    changed_at timestamptz not null,
    constraint sell_above_buy_above_zero check (buy > 0 and sell > buy)
);
create index rate_change_pair_time on exchange.rate_change (base, quote, changed_at desc, id desc);

-- Every change of a pair's exchange mode. Insert-only.
create table exchange.pair_mode_change (
    id          bigint      generated always as identity primary key,
    base        text        not null,
    quote       text        not null,
    before_mode text,
    after_mode  text        not null,
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    changed_at  timestamptz not null
);

-- CSV exports of a pair's rate history from the console: who, when, which pair and range, how many rows.
create table exchange.rate_history_export (
    id          uuid        primary key,
    base        text        not null,
    quote       text        not null,
    from_at     timestamptz,
    to_at       timestamptz,
    row_count   bigint      not null check (row_count >= 0),
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    exported_at timestamptz not null
);

create trigger rate_change_append_only before update or delete on exchange.rate_change
    for each row execute function exchange.refuse_change();
create trigger rate_change_no_truncate before truncate on exchange.rate_change
    for each statement execute function exchange.refuse_change();
create trigger pair_mode_change_append_only before update or delete on exchange.pair_mode_change
    for each row execute function exchange.refuse_change();
create trigger pair_mode_change_no_truncate before truncate on exchange.pair_mode_change
    for each statement execute function exchange.refuse_change();
create trigger rate_history_export_append_only before update or delete on exchange.rate_history_export
    for each row execute function exchange.refuse_change();
create trigger rate_history_export_no_truncate before truncate on exchange.rate_history_export
    for each statement execute function exchange.refuse_change();
