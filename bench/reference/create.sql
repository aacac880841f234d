-- Issue 15: the minimal durable creation (pgbench script; run with -M prepared).
--
-- What any implementation of "create an operation" must do, and nothing more: insert the operation, its first
-- ('created') history entry and its outbox event, commit durably. Three inserts, three round trips plus COMMIT;
-- the id is derived from a random 62-bit number (md5 -> uuid, random like UUID.randomUUID()), so no extra round
-- trip is needed to share it between the statements. The row is the harness's creation request: a withdrawal of
-- 125.50 EUR with three attributes; the event is the StatusChanged shape (about 800 bytes).
\set k random(1, 4611686018427387903)
\set s random(0, 199999)
BEGIN;
INSERT INTO ref.operation (id, type, workflow_version, reference, subject, status, stage, amount, currency,
    assignee, attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at, history_head)
VALUES (md5('new-' || :k::bigint)::uuid, 'withdrawal', 1, 'BENCH-' || :k::bigint, 'client-' || :s::int, 'PENDING',
    'requested', 125.50, 'EUR', NULL, '{"channel": "api", "country": "DE", "riskScore": 7}', 1, now(), now(), now(),
    NULL, NULL, sha256(convert_to('created-' || :k::bigint, 'UTF8')));
INSERT INTO ref.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
    from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
VALUES (md5('new-' || :k::bigint)::uuid, 1, 'created', now(), 'api_key', '00000000-0000-4000-8000-00000000b0b0',
    'bootstrap', NULL, NULL, 'requested', 'PENDING', NULL, NULL, false,
    json_build_object('reference', 'BENCH-' || :k::bigint, 'subject', 'client-' || :s::int,
                      'amount', '125.50', 'currency', 'EUR', 'workflowVersion', 1,
                      'attributes', json_build_object('channel', 'api', 'country', 'DE', 'riskScore', 7))::text,
    gen_random_uuid()::text, NULL, sha256(convert_to('created-' || :k::bigint, 'UTF8')));
INSERT INTO ref.outbox (event_id, event_type, operation_id, payload, occurred_at)
VALUES (md5('event-' || :k::bigint)::uuid, 'operation.status_changed', md5('new-' || :k::bigint)::uuid,
    json_build_object(
        'eventId', md5('event-' || :k::bigint)::uuid, 'occurredAt', now(), 'fromStage', NULL, 'fromStatus', NULL,
        'toStage', 'requested', 'toStatus', 'PENDING', 'actorKind', 'api_key',
        'actorId', '00000000-0000-4000-8000-00000000b0b0', 'actorName', 'bootstrap', 'reason', NULL,
        'override', false,
        'operation', json_build_object(
            'id', md5('new-' || :k::bigint)::uuid, 'type', 'withdrawal', 'workflowVersion', 1,
            'reference', 'BENCH-' || :k::bigint, 'subject', 'client-' || :s::int, 'status', 'PENDING',
            'stage', 'requested', 'amount', json_build_object('value', '125.50', 'currency', 'EUR'),
            'assignee', NULL, 'attributesJson', '{"channel":"api","country":"DE","riskScore":7}', 'version', 1,
            'createdAt', now(), 'updatedAt', now(), 'stageEnteredAt', now(), 'dueAt', NULL))::jsonb,
    now());
COMMIT;
