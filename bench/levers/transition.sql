-- Issue 15, the database levers: the raw transition on the application's schema (pgbench, -M prepared,
-- -D pings=100000). bench/reference/transition.sql's work in the application's shape: the locking read of
-- OperationStore.lock (with its pending-approval probe), then ChangeWriter's one statement (the row's UPDATE,
-- the history entry and the outbox event as data-modifying CTEs), COMMIT. A seeded bench_ping operation moves
-- ping <-> pong: both stages PENDING, the same-status stage move the HOT lever is about.
\set n random(1, :pings)
BEGIN;
SELECT o.id, o.stage AS from_stage, o.status AS from_status,
    CASE WHEN o.stage = 'ping' THEN 'pong' ELSE 'ping' END AS to_stage,
    o.version + 1 AS seq,
    o.history_head AS prev_head,
    sha256(o.history_head || convert_to(json_build_array(o.id, o.version + 1, 'transitioned', now(), 'api_key',
        '00000000-0000-4000-8000-00000000b0b0', 'bootstrap', o.stage, o.status,
        CASE WHEN o.stage = 'ping' THEN 'pong' ELSE 'ping' END, 'PENDING', 'bench', null, false, '{}')::text,
        'UTF8')) AS new_head,
    e.event_id,
    json_build_object(
        'eventId', e.event_id, 'occurredAt', now(), 'fromStage', o.stage, 'fromStatus', o.status,
        'toStage', CASE WHEN o.stage = 'ping' THEN 'pong' ELSE 'ping' END, 'toStatus', 'PENDING',
        'actorKind', 'api_key', 'actorId', '00000000-0000-4000-8000-00000000b0b0', 'actorName', 'bootstrap',
        'reason', 'bench', 'override', false,
        'operation', json_build_object(
            'id', o.id, 'type', o.type, 'workflowVersion', o.workflow_version, 'reference', o.reference,
            'subject', o.subject, 'status', 'PENDING',
            'stage', CASE WHEN o.stage = 'ping' THEN 'pong' ELSE 'ping' END,
            'amount', NULL, 'assignee', o.assignee, 'attributesJson', o.attributes::text, 'version', o.version + 1,
            'createdAt', o.created_at, 'updatedAt', now(), 'stageEnteredAt', now(), 'dueAt', o.due_at))::text AS payload,
    exists (select 1 from operations.approval_request a
            where a.operation_id = o.id and a.state = 'PENDING') AS pending_approvals
FROM operations.operation o CROSS JOIN (SELECT gen_random_uuid() AS event_id) e
WHERE o.id = md5('ping-' || :n::bigint)::uuid FOR UPDATE OF o \gset
WITH written AS (
    UPDATE operations.operation SET status = 'PENDING', stage = :to_stage, assignee = NULL,
        attributes = '{"channel": "bench"}'::jsonb, version = :seq, updated_at = now(), stage_entered_at = now(),
        due_at = NULL, timer_at = NULL, history_head = :new_head
    WHERE id = :id RETURNING id),
appended AS (
    INSERT INTO operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
        from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
    SELECT :id, :seq, 'transitioned', now(), 'api_key', '00000000-0000-4000-8000-00000000b0b0', 'bootstrap',
        :from_stage, :from_status, :to_stage, 'PENDING', 'bench', NULL, false, '{}', gen_random_uuid()::text,
        :prev_head, :new_head FROM written)
INSERT INTO operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
SELECT :event_id, 'operation.status_changed', :id, :payload::jsonb, now() FROM written;
COMMIT;
