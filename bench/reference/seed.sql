-- Issue 15: the reference's seed, like TransitionBench's: operations written with INSERT ... SELECT FROM
-- generate_series, each with its first ('created') history entry, no outbox events (the application's relay would
-- have published and, after 30 days, removed them). psql variable `operations` (default 1000000) is the row count.
--
-- Operation n has the id md5('op-' || n)::uuid, so transition.sql can pick a random one from n alone (random,
-- like the application's UUID.randomUUID() ids, as far as the primary key's B-tree is concerned). Every row
-- starts PENDING in stage 'ping'; the transitions move it between 'ping' and 'pong' as the application's
-- bench_ping workflow does. As in TransitionBench's seed, the seeded history hashes are placeholders
-- (sha256 of the id), so the seeded chains do not verify; each measured transition chains onto them.
\if :{?operations}
\else
\set operations 1000000
\endif
select setseed(0.42);

insert into ref.operation (id, type, workflow_version, reference, subject, status, stage, amount, currency, assignee,
    attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at, history_head)
select md5('op-' || g)::uuid,
    (array['deposit', 'withdrawal', 'p2p_transfer', 'order', 'exchange_order', 'support_ticket', 'kyc_verification',
           'bonus_accrual', 'card_issuance', 'account_block', 'limit_change', 'loan'])[1 + (g % 12)::int],
    1, 'SEED-' || g, 'client-' || (g % 200000), 'PENDING', 'ping',
    round((5 + random() * 4995)::numeric, 2), 'EUR',
    case when g % 10 = 0 then 'operator-' || (g % 37) end,
    jsonb_build_object('channel', (array['web', 'ios', 'android', 'api'])[1 + (g % 4)::int],
                       'country', (array['DE', 'FR', 'GB', 'ES', 'NL', 'PL'])[1 + (g % 6)::int],
                       'riskScore', (g % 100)::int),
    1, c, c, c, null, null, sha256(md5('op-' || g)::uuid::text::bytea)
from (select g, date_trunc('milliseconds', now() - random() * interval '365 days') as c
      from generate_series(1, :operations) g) s;

insert into ref.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
    from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, stage, status, null, null,
    false, json_build_object('reference', reference, 'subject', subject, 'workflowVersion', workflow_version)::text,
    null, null, history_head
from ref.operation;
