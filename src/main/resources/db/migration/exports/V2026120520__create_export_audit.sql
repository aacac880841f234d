-- The audit of CSV exports: who exported what filter, how, and how it ended. Two insert-only tables rather than
-- one row updated at the end: the start is committed before the first byte leaves, so an export cut short by a
-- crashed node is still on record (a start without an outcome), and neither table is ever updated.
create schema if not exists exports;

create table exports.export_run (
    id          uuid        primary key,
    kind        text        not null check (kind in ('operations')),
    channel     text        not null check (channel in ('console', 'api')),
    actor_kind  text        not null,
    actor_id    text        not null,
    actor_name  text        not null,
    filter      text        not null,   -- the filter parameters as given, as a query string ('' for everything)
    bom         boolean     not null,
    separator   text        not null check (separator in (',', ';')),
    started_at  timestamptz not null
);

create table exports.export_outcome (
    run_id      uuid        primary key references exports.export_run (id),
    outcome     text        not null check (outcome in ('completed', 'failed', 'cancelled')),
    row_count   bigint      not null check (row_count >= 0),
    byte_count  bigint      not null check (byte_count >= 0),
    duration_ms bigint      not null check (duration_ms >= 0),
    error       text,                   -- why a failed or cancelled export stopped
    finished_at timestamptz not null
);

-- The list of past exports: newest first, everyone's (audit:view) or one principal's own.
create index export_run_started on exports.export_run (started_at desc, id desc);
create index export_run_actor_started on exports.export_run (actor_kind, actor_id, started_at desc, id desc);

create function exports.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger export_run_append_only before update or delete on exports.export_run
    for each row execute function exports.refuse_change();
create trigger export_run_no_truncate before truncate on exports.export_run
    for each statement execute function exports.refuse_change();
create trigger export_outcome_append_only before update or delete on exports.export_outcome
    for each row execute function exports.refuse_change();
create trigger export_outcome_no_truncate before truncate on exports.export_outcome
    for each statement execute function exports.refuse_change();
