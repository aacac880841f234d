-- The spread the ECB import puts around a pair's cross rate, in basis points (100 = 1% between buy and sell).
-- A pair without a row here is never set by the import. The pair itself may not exist yet: the import creates it.
create table exchange.pair_spread (
    base        text        not null,
    quote       text        not null,
    spread_bps  integer     not null check (spread_bps between 0 and 5000),
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (base, quote),
    constraint distinct_currencies check (base <> quote)
);

-- Every change of a pair's spread: who, when, before (null for the first) and after. Insert-only.
create table exchange.pair_spread_change (
    id          bigint      generated always as identity primary key,
    base        text        not null,
    quote       text        not null,
    before_bps  integer,
    after_bps   integer     not null,
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    changed_at  timestamptz not null
);

-- Every ECB import, uploaded or fetched on the schedule: who, from where, when, the file's date, the pairs set and
-- skipped, and the outcome (succeeded, or failed with the reason). Insert-only.
create table exchange.ecb_import (
    id          uuid        primary key,
    origin      text        not null check (origin in ('upload', 'schedule')),
    location    text        not null,                   -- the file name uploaded or the URL fetched
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    started_at  timestamptz not null,
    file_date   date,
    outcome     text        not null check (outcome in ('succeeded', 'failed')),
    reason      text,
    pairs_set   jsonb       not null,                   -- ["EUR/PLN", ...]
    pairs_skipped jsonb     not null                    -- [{"pair": "EUR/XAU", "reason": "..."}]
);
create index ecb_import_time on exchange.ecb_import (started_at desc, id desc);

create trigger pair_spread_change_append_only before update or delete on exchange.pair_spread_change
    for each row execute function exchange.refuse_change();
create trigger pair_spread_change_no_truncate before truncate on exchange.pair_spread_change
    for each statement execute function exchange.refuse_change();
create trigger ecb_import_append_only before update or delete on exchange.ecb_import
    for each row execute function exchange.refuse_change();
create trigger ecb_import_no_truncate before truncate on exchange.ecb_import
    for each statement execute function exchange.refuse_change();

-- The lease of the scheduled ECB fetch: several application instances may run the schedule; the one that takes the
-- lease (held_until in the past) fetches and imports, the others skip that run.
create table exchange.ecb_import_lease (
    id          integer     primary key check (id = 1),
    held_by     text,
    held_until  timestamptz not null
);
insert into exchange.ecb_import_lease (id, held_by, held_until) values (1, null, '-infinity');
