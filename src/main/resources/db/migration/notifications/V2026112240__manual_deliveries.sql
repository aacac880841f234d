-- Manual notifications: an operator previews a manual rule's message on the operation, may edit it, and sends it.
-- The delivery row is the audit record of that decision: who sent it (kind, id, and the name at the time, kept if
-- the principal is later renamed or deleted) and whether the text differs from the rendered template; the
-- message stored in body/subject/html is exactly what went out. All four are null for automatic deliveries.
alter table notifications.delivery
    add column sent_by_kind text,
    add column sent_by_id   text,
    add column sent_by_name text,
    add column edited       boolean,
    add constraint delivery_sent_by_complete check (
        (sent_by_kind is null) = (sent_by_id is null)
        and (sent_by_kind is null) = (sent_by_name is null)
        and (sent_by_kind is null) = (edited is null));

-- What was sent, to whom, by whom and on which rule's behalf never changes after the row is written: retries and
-- resends change only the state, schedule and lease columns. (The comparison is the trigger's WHEN condition, so
-- the worker's own updates never call into PL/pgSQL.)
create function notifications.refuse_delivery_content_change() returns trigger language plpgsql as $$
begin
    raise exception 'the message, recipient and sender of notifications.delivery % are fixed once written', old.id
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger delivery_content_fixed
    before update on notifications.delivery
    for each row
    when ((new.event_id, new.channel, new.recipient, new.message_id, new.body, new.subject, new.html, new.locale,
           new.rule_id, new.audience, new.sent_by_kind, new.sent_by_id, new.sent_by_name, new.edited, new.created_at)
          is distinct from
          (old.event_id, old.channel, old.recipient, old.message_id, old.body, old.subject, old.html, old.locale,
           old.rule_id, old.audience, old.sent_by_kind, old.sent_by_id, old.sent_by_name, old.edited, old.created_at))
    execute function notifications.refuse_delivery_content_change();
