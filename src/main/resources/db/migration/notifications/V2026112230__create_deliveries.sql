-- One delivery per (event, channel, recipient), written before any attempt; workers claim due rows with
-- FOR UPDATE SKIP LOCKED and a lease (claimed_by, claim_token, claimed_until) and record the outcome only while
-- their token is still the row's, so a paused worker never overwrites a newer claim's result.
create table notifications.delivery (
    id              uuid        primary key,
    event_id        uuid        not null,
    event_type      text        not null,
    operation_id    uuid,
    channel         text        not null,
    recipient       text        not null,
    -- what every attempt sends, unchanged by retries and resends: the receiver dedupes by message_id
    message_id      text        not null,
    body            text        not null,
    test            boolean     not null default false,
    state           text        not null check (state in ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped')),
    attempts        integer     not null default 0,
    -- attempts since the last (re)start of the retry schedule: a resend starts it over
    round_attempts  integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    claimed_by      text,
    claim_token     uuid,
    claimed_until   timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (event_id, channel, recipient),
    check ((state = 'sending') = (claim_token is not null and claimed_until is not null))
);
create index delivery_due on notifications.delivery (next_attempt_at) where state in ('pending', 'retrying');
create index delivery_lease on notifications.delivery (claimed_until) where state = 'sending';
create index delivery_operation on notifications.delivery (operation_id, created_at desc, id desc);
create index delivery_recipient on notifications.delivery (channel, recipient, created_at desc, id desc);
create index delivery_created on notifications.delivery (created_at desc, id desc);

-- Every attempt: when, what came back, how long it took. Insert-only (trigger and grants).
create table notifications.delivery_attempt (
    id            bigint      generated always as identity primary key,
    delivery_id   uuid        not null references notifications.delivery (id) on delete cascade,
    -- null for an attempt whose lease had been taken over by another worker before it finished
    attempt_no    integer,
    claim_token   uuid        not null,
    worker        text        not null,
    at            timestamptz not null,
    outcome       text        not null check (outcome in ('sent', 'retry', 'failed', 'skipped', 'superseded')),
    status_code   integer,
    latency_ms    bigint      not null,
    error         text,
    response_body text        check (octet_length(response_body) <= 4096),
    unique (delivery_id, attempt_no)
);
create index delivery_attempt_delivery on notifications.delivery_attempt (delivery_id, id);

create function notifications.refuse_delivery_attempt_change() returns trigger language plpgsql as $$
begin
    raise exception 'notifications.delivery_attempt is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger delivery_attempt_append_only
    before update on notifications.delivery_attempt
    for each row execute function notifications.refuse_delivery_attempt_change();

-- Since when an endpoint has failed without a success in between; five days of it disable the endpoint.
create table notifications.endpoint_health (
    endpoint_id     uuid        primary key,
    failing_since   timestamptz,
    last_success_at timestamptz
);
