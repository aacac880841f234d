-- Free text on the console list (?q=): a reference prefix is a LIKE 'W-0001%' that only an index with
-- text_pattern_ops serves whatever the database's collation; the subject half uses operation_subject.
create index operation_reference_prefix on operations.operation (reference text_pattern_ops);

-- Saved views of the operations list: a name, the list's query string (the same parameters as the API) and the
-- columns shown. Private to their owner unless shared with every operator.
create table operations.saved_view (
    id         uuid        primary key,
    owner      text        not null,   -- the operator's username (Actor.id())
    name       text        not null check (length(name) between 1 and 80),
    query      text        not null check (length(query) <= 2000),
    columns    text[]      not null,
    shared     boolean     not null,
    created_at timestamptz not null
);
create index saved_view_owner on operations.saved_view (owner, name);
create index saved_view_shared on operations.saved_view (name) where shared;

-- Who created, shared or deleted which view: insert-only, kept after the view itself is gone.
create table operations.saved_view_log (
    id       bigint      generated always as identity primary key,
    view_id  uuid        not null,
    action   text        not null check (action in ('created', 'deleted')),
    name     text        not null,
    query    text        not null,
    shared   boolean     not null,
    actor_id text        not null,
    at       timestamptz not null
);
create index saved_view_log_view on operations.saved_view_log (view_id);

create function operations.refuse_saved_view_log_change() returns trigger language plpgsql as $$
begin
    raise exception 'operations.saved_view_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger saved_view_log_append_only
    before update or delete on operations.saved_view_log
    for each row execute function operations.refuse_saved_view_log_change();
create trigger saved_view_log_no_truncate
    before truncate on operations.saved_view_log
    for each statement execute function operations.refuse_saved_view_log_change();
