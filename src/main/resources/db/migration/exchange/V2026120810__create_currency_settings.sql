-- The office's settings per currency of the dictionary (ISO 4217 with a minor unit plus the configured crypto
-- assets, which the application knows; no row here means: not enabled, no limits, the default payment window).
create table exchange.currency_setting (
    code                   text        primary key,
    enabled                boolean     not null,
    min_amount             numeric     check (min_amount >= 0),         -- null: no lower limit
    max_amount             numeric     check (max_amount > 0),          -- null: no upper limit
    payment_window_seconds integer     not null check (payment_window_seconds between 60 and 604800),
    updated_at             timestamptz not null,
    updated_by             text        not null,                        -- the actor's name
    constraint min_not_above_max check (min_amount is null or max_amount is null or min_amount <= max_amount)
);

-- Every change of a currency's settings: who, when, before (null for the first) and after. Insert-only.
create table exchange.currency_change (
    id         bigint      generated always as identity primary key,
    code       text        not null,
    actor_kind text        not null,
    actor_id   text        not null,
    actor_name text        not null,
    changed_at timestamptz not null,
    before     jsonb,
    after      jsonb       not null
);
create index currency_change_code on exchange.currency_change (code, id desc);

create function exchange.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'exchange.% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger currency_change_append_only before update or delete on exchange.currency_change
    for each row execute function exchange.refuse_change();
create trigger currency_change_no_truncate before truncate on exchange.currency_change
    for each statement execute function exchange.refuse_change();
