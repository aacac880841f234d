-- Issue 15, the database levers: create.sql with the status counter's delta written by the statement itself (one
-- more data-modifying CTE, as ChangeWriter could do) instead of by the insert trigger. Measured on a database
-- whose operation_counted_on_insert trigger is dropped (bench/levers/README.md); kept as the measured
-- alternative, not what the application does.
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
, counted AS (INSERT INTO operations.status_count_delta (type, status, n) SELECT 'withdrawal', 'PENDING', 1 FROM written)
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
