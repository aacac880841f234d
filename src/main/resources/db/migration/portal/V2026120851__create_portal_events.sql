-- What happened to each portal account, for operators and auditors: registered, verified, signed in or refused,
-- locked, two-step sign-in turned on or off, handed to compliance. Insert-only: refused at the database.
create table portal.client_event (
    id        bigint      generated always as identity primary key,
    client_id uuid        not null references portal.client (id),
    kind      text        not null,
    address   text,                                    -- the client's address, where the event came from a request
    at        timestamptz not null
);
create index client_event_client on portal.client_event (client_id, id desc);

create function portal.refuse_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'portal.client_event is insert-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger client_event_insert_only
    before update or delete on portal.client_event
    for each row execute function portal.refuse_event_change();
create trigger client_event_no_truncate
    before truncate on portal.client_event
    for each statement execute function portal.refuse_event_change();
