-- Issue 15, the database levers: the application's tables seeded like TransitionBench does, in plain SQL.
-- psql variable `operations` (default 1000000): operations of 12 types over the last 365 days, per type 10% in a
-- PENDING stage, 75% SUCCESS, 10% REJECTED, 5% ERROR (timestamps as the harness: updated up to 2 hours after
-- creation, every tenth one assigned), each with its 'created' history entry; plus 100,000 `bench_ping`
-- operations (id md5('ping-' || n)::uuid, PENDING in stage 'ping') that transition.sql moves between ping and
-- pong. Bulk inserts, so the status counters follow whatever counts them (trigger or deltas).
\if :{?operations}
\else
\set operations 1000000
\endif
set statement_timeout = 0;
select setseed(0.42);

with ins as (
    insert into operations.operation (id, type, workflow_version, reference, subject, status, stage, amount,
        currency, assignee, attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at,
        history_head)
    select md5('op-' || g)::uuid, t, 1, 'SEED-' || g, 'client-' || (g % 200000), st,
        case st when 'PENDING' then (case when g % 2 = 0 then 'requested' else 'in_review' end)
                when 'SUCCESS' then 'completed' when 'REJECTED' then 'rejected' else 'failed' end,
        round((5 + random() * 4995)::numeric, 2), 'EUR',
        case when g % 10 = 0 then 'operator-' || (g % 37) end,
        jsonb_build_object('channel', (array['web', 'ios', 'android', 'api'])[1 + (g % 4)::int],
                           'country', (array['DE', 'FR', 'GB', 'ES', 'NL', 'PL'])[1 + (g % 6)::int],
                           'riskScore', (g % 100)::int),
        1, c, c + u, c + u, null, null, sha256(md5('op-' || g)::uuid::text::bytea)
    from (select g,
                 (array['deposit', 'withdrawal', 'p2p_transfer', 'order', 'exchange_order', 'support_ticket',
                        'kyc_verification', 'bonus_accrual', 'card_issuance', 'account_block', 'limit_change',
                        'loan'])[1 + (g % 12)::int] as t,
                 case when r < 0.10 then 'PENDING' when r < 0.85 then 'SUCCESS' when r < 0.95 then 'REJECTED'
                      else 'ERROR' end as st,
                 date_trunc('milliseconds', now() - random() * interval '365 days') as c,
                 date_trunc('milliseconds', random() * interval '2 hours') as u
          from (select g, random() as r from generate_series(1, :operations) g) x) s
    returning id, type, created_at, stage, status, reference, subject
)
insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
    from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, stage, status, null, null,
    false, json_build_object('reference', reference, 'subject', subject, 'workflowVersion', 1)::text, null, null,
    sha256(id::text::bytea)
from ins;

with ins as (
    insert into operations.operation (id, type, workflow_version, reference, subject, status, stage, amount,
        currency, assignee, attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at,
        history_head)
    select md5('ping-' || g)::uuid, 'bench_ping', 1, 'PING-' || g, 'bench-' || g, 'PENDING', 'ping', null, null,
        null, jsonb_build_object('channel', 'bench', 'riskScore', (g % 100)::int), 1, c, c, c, null, null,
        sha256(md5('ping-' || g)::uuid::text::bytea)
    from (select g, date_trunc('milliseconds', now() - interval '400 days' + g * interval '1 second') as c
          from generate_series(1, 100000) g) s
    returning id, created_at, reference, subject
)
insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name, from_stage,
    from_status, to_stage, to_status, reason, comment, override, changes, request_id, previous_hash, hash)
select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, 'ping', 'PENDING', null,
    null, false, json_build_object('reference', reference, 'subject', subject, 'workflowVersion', 1)::text, null,
    null, sha256(id::text::bytea)
from ins;

vacuum analyze operations.operation;
vacuum analyze operations.history_entry;
