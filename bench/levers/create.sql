-- Issue 15, the database levers: the raw creation on the application's schema (pgbench, -M prepared): ChangeWriter's
-- one statement for a creation (the row's INSERT ... ON CONFLICT (type, reference) DO NOTHING, its 'created'
-- history entry and its outbox event as data-modifying CTEs), COMMIT. Every creation is a withdrawal, PENDING in
-- 'requested': at 16 clients they all count into the same (type, status), the status counters' worst case.
\set k random(1, 4611686018427387903)
\set s random(0, 199999)
BEGIN;
WITH written AS (
    INSERT INTO operations.operation (id, type, workflow_version, reference, subject, status, stage, amount,
        currency, assignee, attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at,
        history_head)
    VALUES (md5('new-' || :k::bigint)::uuid, 'withdrawal', 1, 'BENCH-' || :k::bigint, 'client-' || :s::int,
        'PENDING', 'requested', 125.50, 'EUR', NULL, '{"channel": "api", "country": "DE", "riskScore": 7}', 1, now(),
        now(), now(), NULL, NULL, sha256(convert_to('created-' || :k::bigint, 'UTF8')))
    ON CONFLICT (type, reference) DO NOTHING
    RETURNING id),
appended AS (
    INSERT INTO operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
        from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
    SELECT id, 1, 'created', now(), 'api_key', '00000000-0000-4000-8000-00000000b0b0', 'bootstrap', NULL, NULL,
        'requested', 'PENDING', NULL, NULL, false,
        json_build_object('reference', 'BENCH-' || :k::bigint, 'subject', 'client-' || :s::int,
                          'amount', '125.50', 'currency', 'EUR', 'workflowVersion', 1,
                          'attributes', json_build_object('channel', 'api', 'country', 'DE', 'riskScore', 7))::text,
        gen_random_uuid()::text, NULL, sha256(convert_to('created-' || :k::bigint, 'UTF8'))
    FROM written)
INSERT INTO operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
SELECT md5('event-' || :k::bigint)::uuid, 'operation.status_changed', id,
    json_build_object(
        'eventId', md5('event-' || :k::bigint)::uuid, 'occurredAt', now(), 'fromStage', NULL, 'fromStatus', NULL,
        'toStage', 'requested', 'toStatus', 'PENDING', 'actorKind', 'api_key',
        'actorId', '00000000-0000-4000-8000-00000000b0b0', 'actorName', 'bootstrap', 'reason', NULL,
        'override', false,
        'operation', json_build_object(
            'id', id, 'type', 'withdrawal', 'workflowVersion', 1,
            'reference', 'BENCH-' || :k::bigint, 'subject', 'client-' || :s::int, 'status', 'PENDING',
            'stage', 'requested', 'amount', json_build_object('value', '125.50', 'currency', 'EUR'),
            'assignee', NULL, 'attributesJson', '{"channel":"api","country":"DE","riskScore":7}', 'version', 1,
            'createdAt', now(), 'updatedAt', now(), 'stageEnteredAt', now(), 'dueAt', NULL))::jsonb,
    now()
FROM written;
COMMIT;
