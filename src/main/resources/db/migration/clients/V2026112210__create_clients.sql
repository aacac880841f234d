-- The client directory: who operations concern (by their subject), how to reach them, and what they consented to.
create schema if not exists clients;

create table clients.client (
    subject        text        primary key,        -- the id operations refer to
    name           text        not null,
    email          text,
    phone          text,                            -- E.164
    phone_verified boolean     not null default false,
    locale         text        not null,
    push_token     text,
    version        bigint      not null,            -- the ETag; grows with every change, consents included
    created_at     timestamptz not null,
    created_by     text        not null,            -- Actor.principalKey() of whoever created it
    updated_at     timestamptz not null,
    updated_by     text        not null,            -- ...and of whoever changed it last
    constraint phone_verified_needs_phone check (phone is not null or not phone_verified)
);

-- Every consent given or withdrawn, per channel, as the integrator reported it. Insert-only: a consent is
-- evidence, so a withdrawal is a new row (granted = false), never an edit.
create table clients.consent (
    id          bigint      generated always as identity primary key,
    subject     text        not null references clients.client (subject),
    channel     text        not null check (channel in ('email', 'sms', 'push')),
    granted     boolean     not null,
    at          timestamptz not null,               -- when the client gave or withdrew it
    source      text        not null,               -- where: "signup-form", "support-call", ...
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index consent_subject_channel on clients.consent (subject, channel, id desc);

-- The current consent per channel is the last one recorded. A view rather than columns on the client row, so
-- there is one source of truth that cannot drift from the history; the index above makes it one short index
-- scan per subject.
create view clients.current_consent as
    select distinct on (subject, channel) subject, channel, granted, at, source, recorded_at, recorded_by
    from clients.consent
    order by subject, channel, id desc;

create function clients.refuse_consent_change() returns trigger language plpgsql as $$
begin
    raise exception 'clients.consent is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger consent_append_only
    before update or delete on clients.consent
    for each row execute function clients.refuse_consent_change();
create trigger consent_no_truncate
    before truncate on clients.consent
    for each statement execute function clients.refuse_consent_change();
