-- Status counts without a row that concurrent writers queue on (issue 15, docs/adr/0018-write-path-levers.md).
-- The triggers of V2026120501 upserted a counter row per (type, status, backend pid % 16): 16 concurrent creations
-- of one type and status met on the same rows, and each waited for the other's commit (an fsync) before it could
-- count. Now every change appends its deltas, rows no other writer ever touches, in the same transaction as
-- before; a periodic fold (StatusCounters.fold, one node at a time) adds them to the totals and deletes them in
-- one transaction. Readers add the pending deltas to the totals, so the counts stay exact and transactional.

-- No writer may count with the old functions while the counters change shape (the migration's transaction holds
-- this until it commits; readers of the operations are not blocked).
lock table operations.operation in share mode;
lock table operations.status_count in exclusive mode;

-- What changes are not yet in the totals. Insert-only for the writers; the fold deletes what it has added. No
-- index: the fold and the readers read the whole (small) table. Vacuumed after every few thousand folded rows
-- instead of after a fifth of the table, so its few live rows never sit among many dead ones.
create table operations.status_count_delta (
    type   text   not null,
    status text   not null,
    n      bigint not null
) with (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);

-- The totals: one row per (type, status), written only by the fold and the recount (no shards any more).
create temporary table summed on commit drop as
select type, status, sum(n) as n from operations.status_count group by type, status;
delete from operations.status_count;
alter table operations.status_count drop constraint status_count_pkey;
alter table operations.status_count drop column shard;
alter table operations.status_count add primary key (type, status);
insert into operations.status_count (type, status, n) select type, status, n from summed where n <> 0;

-- The same triggers (per statement for inserts and deletes, per row for a change of status or type), appending.
create or replace function operations.count_inserted() returns trigger language plpgsql as $$
begin
    insert into operations.status_count_delta (type, status, n)
    select type, status, count(*) from inserted group by type, status;
    return null;
end $$;

create or replace function operations.count_deleted() returns trigger language plpgsql as $$
begin
    insert into operations.status_count_delta (type, status, n)
    select type, status, -count(*) from deleted group by type, status;
    return null;
end $$;

create or replace function operations.count_moved() returns trigger language plpgsql as $$
begin
    insert into operations.status_count_delta (type, status, n)
    values (old.type, old.status, -1), (new.type, new.status, 1);
    return null;
end $$;
