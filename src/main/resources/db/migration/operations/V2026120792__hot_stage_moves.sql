-- A move to another stage of the same status (awaiting_payment -> funds_received -> payout_sent, all PENDING) no
-- longer changes an indexed column, so PostgreSQL can make it a HOT update: the new row version goes on the same
-- page and no index is touched (issue 15, docs/adr/0018-write-path-levers.md). Before, each such update inserted
-- into every index of the table. What changed:

-- 1. Room on each page for the new versions: 10% kept free by inserts (applied by the rewrite of step 3).
alter table operations.operation set (fillfactor = 90);

-- 2. The sort by updatedAt is served by the history instead (an operation's newest entry has seq = its version
--    and at = its updated_at, its to_status the operation's status; the history is insert-only, so this index
--    never blocks a HOT update).
drop index operations.operation_updated;
create index history_entry_changed on operations.history_entry (at desc, operation_id desc) include (seq, to_status);

-- 3. The dashboard's settled operations keyed on when they settled and in which stage, written when they settle,
--    instead of stage_entered_at and stage, which every move changes. Stored generated columns, so no code path can
--    forget them; a PENDING move leaves both null (unchanged, as HOT needs). Adding them rewrites the table (and so
--    applies the fillfactor); run VACUUM ANALYZE on operations.operation afterwards so index-only scans resume at
--    once rather than after autovacuum's next visit.
alter table operations.operation
    add column settled_at    timestamptz generated always as (case when status <> 'PENDING' then stage_entered_at end) stored,
    add column settled_stage text        generated always as (case when status <> 'PENDING' then stage end) stored;
drop index operations.operation_settled_entered;
create index operation_settled on operations.operation (settled_at) include (type, settled_stage, assignee)
    where settled_at is not null;

-- 4. The pending backlog without due_at, which follows the stage's SLA on every move; the SLA figure reads it from
--    the rows (pending operations younger than their type's SLA: a few).
drop index operations.operation_pending_type_created;
create index operation_pending_type_created on operations.operation (type, created_at) where status = 'PENDING';
