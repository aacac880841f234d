-- Messages Opsdesk writes on its own behalf, stored as deliveries like the rules' (same worker, retries, attempt
-- log, API):
--   alert           to the alert mailbox, when a delivery has failed for good (created in the transaction that
--                   marks it failed); an alert's own failure raises no further alert
--   endpoint_owner  to a webhook endpoint's owner (or the integrations mailbox), when the endpoint was disabled
--                   after failing continuously (created in the transaction that disables it)
-- rule_id stays null for them; event_type says what happened (notification.delivery_failed,
-- webhook.endpoint_disabled).
alter table notifications.delivery drop constraint delivery_audience_check;
alter table notifications.delivery
    add constraint delivery_audience_check
        check (audience in ('client', 'team', 'assignee', 'alert', 'endpoint_owner'));

-- Who to tell when the endpoint is disabled automatically; optional, validated as an email address by the API.
alter table notifications.webhook_endpoint
    add column owner_email text check (length(owner_email) <= 254);
