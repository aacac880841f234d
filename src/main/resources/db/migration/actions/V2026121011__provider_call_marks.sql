-- When an invocation was handed to the provider (moved to at_provider) and when its call came back with an answer
-- (done, failed, or pending handed to the provider's outcome resolver). A row handed over long ago and never
-- answered is a call a node did not finish (it stopped mid-call): the catalog sends it again, with the same
-- Idempotency-Key, so the provider acts once. handed_over_at doubles as the claim's lease between nodes.
alter table actions.invocation
    add column handed_over_at timestamptz,
    add column answered_at    timestamptz;

create index invocation_unanswered on actions.invocation (handed_over_at)
    where handed_over_at is not null and answered_at is null;
