-- Indexes for the dashboard's figures (OperationStatistics, docs/adr/0010-dashboard-figures.md). Each figure reads
-- a bounded window (the last 30 days, the pending operations younger than 3 days or than their type's SLA) through
-- an index that holds every column it needs, so the reads stay index-only at any table size.

-- The pending backlog by age and the SLA check: pending operations of a type created since a moment, and their due
-- time. Partial, so it holds only the open work (about a tenth of the rows).
create index operation_pending_type_created on operations.operation (type, created_at) include (due_at)
    where status = 'PENDING';

-- Created per day: the creation times of a window with their type (the keyset index operation_created has no type).
create index operation_created_type on operations.operation (created_at) include (type);

-- Completed per day and handling time: operations that left the pending statuses, by when they entered their
-- current stage (a terminal stage is never left, so that is when they were completed).
create index operation_settled_entered on operations.operation (stage_entered_at) include (type, stage, assignee)
    where status <> 'PENDING';

-- Time in stage and the operators' transitions and approvals over a window of the history.
create index history_entry_work_at on operations.history_entry (at) include (operation_id, actor_kind, actor_id)
    where kind in ('transitioned', 'approval_given');
