-- A message Opsdesk writes on its own behalf to the security alert mailbox (opsdesk.notifications.security-alerts):
--   security  when repeated failures locked sign-in to an operator's account (event_type access.sign_in_locked;
--             one per account, source address and lock)
alter table notifications.delivery drop constraint delivery_audience_check;
alter table notifications.delivery
    add constraint delivery_audience_check
        check (audience in ('client', 'team', 'assignee', 'alert', 'endpoint_owner', 'security'));
