-- Deliveries planned by the notification rules (email, SMS, push) besides webhooks. The message is rendered once,
-- when the delivery is created, in the recipient's language and stored here: every attempt, retry and resend sends
-- exactly this content (body holds the plain text, as it holds the webhook's JSON for webhooks).
--   rule_id   the rule that planned it (null for webhooks)
--   audience  client (recipient is the client's subject, its address resolved at send time through clients),
--             team (recipient is the mailbox address), assignee (recipient is the operator's username)
--   locale    the language the message was rendered in
--   subject   the email subject or push title
--   html      the HTML alternative of an email
alter table notifications.delivery
    add column rule_id  text,
    add column audience text check (audience in ('client', 'team', 'assignee')),
    add column locale   text,
    add column subject  text,
    add column html     text;
