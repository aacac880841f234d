-- The security log after the review of 2026-12: who really connected beside the forwarded address, throttled
-- attempts recorded once per address and window, account locks per source address, and an archive the owner
-- role moves old entries into (the application role can neither delete nor archive).

-- The TCP peer of the request (a proxy, when one is trusted), beside ip, the client address it forwarded.
alter table access.security_event add column peer_ip text;

-- The window of an address for which its refusal is already in the security log (once per window, every node).
alter table access.login_throttle add column refusal_logged_for timestamptz;

-- A lock after failed passwords is soft: a correct password plus a second-factor code passes it. A lock after
-- failed codes is hard (someone knows the password): nothing passes it until it ends.
alter table access.operator add column lock_hard boolean not null default false;

-- Failed sign-ins per account and source address: progressive delays, then a lock of that account for that address
-- only, so that one address cannot lock the account's owner out elsewhere.
create table access.login_source_failure (
    operator_id     uuid        not null references access.operator (id),
    ip              text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    retry_after     timestamptz not null,   -- no password is checked for this account from this address before
    primary key (operator_id, ip)
);
create index login_source_failure_last on access.login_source_failure (last_failure_at);

-- Entries moved out of the security log by access.archive_security_events, for export and removal by the owner.
create table access.security_event_archive (
    id          bigint      primary key,
    at          timestamptz not null,
    kind        text        not null,
    actor_kind  text,
    actor_id    text,
    actor_name  text,
    target      text,
    ip          text,
    user_agent  text,
    details     jsonb       not null,
    peer_ip     text,
    archived_at timestamptz not null default now()
);
create index security_event_archive_at on access.security_event_archive (at);

-- The log stays append-only, except for the archive function below, which marks its own transaction.
create or replace function access.refuse_security_event_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('opsdesk.archiving_security_log', true) = 'on' then
        return old;
    end if;
    raise exception 'access.security_event is append-only' using errcode = 'insufficient_privilege';
end;
$$;

-- Moves up to max_rows entries older than older_than into the archive, oldest first; returns how many it moved.
-- Run by the owner role (see docs/production-roles.sql); nobody else may execute it.
create function access.archive_security_events(older_than timestamptz, max_rows integer default 10000)
    returns bigint language plpgsql as $$
declare
    moved bigint;
begin
    perform set_config('opsdesk.archiving_security_log', 'on', true);
    with old_entries as (
        delete from access.security_event
        where id in (select id from access.security_event where at < older_than order by at, id limit max_rows)
        returning *)
    insert into access.security_event_archive
        (id, at, kind, actor_kind, actor_id, actor_name, target, ip, user_agent, details, peer_ip)
    select id, at, kind, actor_kind, actor_id, actor_name, target, ip, user_agent, details, peer_ip
    from old_entries;
    get diagnostics moved = row_count;
    perform set_config('opsdesk.archiving_security_log', 'off', true);
    return moved;
end;
$$;
revoke all on function access.archive_security_events(timestamptz, integer) from public;
