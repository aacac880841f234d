-- Issue 15: the minimal durable transition (pgbench script; run with -M prepared and -D operations=N).
--
-- What any implementation of "move an operation to another stage" must do, and nothing more: lock the row, update
-- its stage, status and version (with the timestamps and the history head, as the application does), append the
-- history entry chained by hash, append the outbox event, commit (durably: fsync and synchronous_commit on).
-- Five statements, five round trips, as the application's transition has today.
--
-- The lock's SELECT also prepares what the application computes in Java before writing: the target stage, the
-- new chain hash (SHA-256 over the previous head and the entry) and the event's JSON (the StatusChanged shape:
-- the change, the actor and the operation snapshot after it, about 800 bytes like the application's 772). The
-- INSERT then sends that text as a parameter cast to jsonb, exactly as the application's Outbox does.
-- With -M prepared, the variables the SELECT sets go back to the server as parameters (no quoting problems).
\set n random(1, :operations)
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
            'amount', CASE WHEN o.amount IS NULL THEN NULL
                           ELSE json_build_object('value', o.amount::text, 'currency', o.currency) END,
            'assignee', o.assignee, 'attributesJson', o.attributes::text, 'version', o.version + 1,
            'createdAt', o.created_at, 'updatedAt', now(), 'stageEnteredAt', now(), 'dueAt', o.due_at))::text AS payload
FROM ref.operation o CROSS JOIN (SELECT gen_random_uuid() AS event_id) e
WHERE o.id = md5('op-' || :n::bigint)::uuid FOR UPDATE OF o \gset
UPDATE ref.operation SET stage = :to_stage, status = 'PENDING', version = :seq, updated_at = now(),
    stage_entered_at = now(), due_at = NULL, timer_at = NULL, history_head = :new_head
WHERE id = :id;
INSERT INTO ref.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
    from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
VALUES (:id, :seq, 'transitioned', now(), 'api_key', '00000000-0000-4000-8000-00000000b0b0', 'bootstrap',
    :from_stage, :from_status, :to_stage, 'PENDING', 'bench', NULL, false, '{}', gen_random_uuid()::text,
    :prev_head, :new_head);
INSERT INTO ref.outbox (event_id, event_type, operation_id, payload, occurred_at)
VALUES (:event_id, 'operation.status_changed', :id, :payload::jsonb, now());
COMMIT;
