-- A provider call that is due: an approved provider action is handed over (moved to at_provider) by the outbox
-- relay's listener, which only records that its call is due; UnansweredCalls makes the call off the relay, so a slow
-- provider holds up no other event's delivery. A claim clears the column and moves handed_over_at to now (the lease):
-- a node that stops before or during the call leaves the row unanswered, and it is sent again once stale.
alter table actions.invocation
    add column call_due_at timestamptz;
