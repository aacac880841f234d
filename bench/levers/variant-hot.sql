-- Issue 15, the database levers, variant "HOT" (on top of variant-indexes.sql): no indexed column changes when an
-- operation moves to another stage of the same status, so such an update can be HOT (heap-only: no index is
-- touched) when its page has room. psql variable `fillfactor` (default 100).
--  - operation_updated (updated_at desc, id desc): updated_at changes with every change; dropped here to measure
--    what it costs (the list's sort by updatedAt needs another way to be served).
--  - operation_settled_entered (stage_entered_at) include (type, stage, assignee) where status <> 'PENDING':
--    stage and stage_entered_at change with every move. Replaced by settled_at, a stored generated column
--    (stage_entered_at while the status is not PENDING, else null), which a PENDING move leaves null.
--  - operation_pending_type_created (type, created_at) include (due_at): due_at follows the stage's SLA on every
--    move; the SLA figure reads it from the heap instead (pending rows younger than the SLA: few).
\if :{?fillfactor}
\else
\set fillfactor 100
\endif
alter table operations.operation set (fillfactor = :fillfactor);
drop index operations.operation_updated;
drop index operations.operation_settled_entered;
drop index operations.operation_pending_type_created;
alter table operations.operation add column settled_at timestamptz
    generated always as (case when status <> 'PENDING' then stage_entered_at end) stored;
create index operation_settled on operations.operation (settled_at) include (type, assignee)
    where settled_at is not null;
create index operation_pending_type_created on operations.operation (type, created_at) where status = 'PENDING';
vacuum analyze operations.operation;
