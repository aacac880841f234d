-- The account registry (issue 14): the records back-office actions act on. Every record is soft-deleted
-- (deleted_at, deleted_by, delete_reason) so that the deleted-records page can list and restore it; uniqueness
-- holds among live rows only (partial unique indexes), so a deleted record never blocks a new one. Records change
-- only through actions, whose operations carry the history; created_by/updated_by name the principal.
create schema if not exists registry;

create table registry.person (
    id              uuid        primary key,
    name            text        not null check (length(name) between 1 and 200),
    document_type   text        not null check (document_type in ('cpf', 'passport', 'national-id')),
    document_number text        not null check (length(document_number) between 1 and 40),
    birth_date      date,
    address         text        check (length(address) <= 500),
    email           text        check (length(email) <= 254),
    phone           text        check (phone ~ '^\+[1-9][0-9]{7,14}$'),          -- E.164
    monthly_income  numeric(19, 2) check (monthly_income >= 0),
    income_currency text        check (income_currency ~ '^[A-Z]{3}$'),
    subject         text        check (length(subject) <= 200),                 -- the client directory's subject
    version         bigint      not null default 1,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    deleted_at      timestamptz,
    deleted_by      text,
    delete_reason   text,
    constraint person_income_currency check ((monthly_income is null) = (income_currency is null)),
    constraint person_deleted check ((deleted_at is null) = (deleted_by is null))
);
create unique index person_live_document on registry.person (document_type, document_number) where deleted_at is null;
create index person_page on registry.person (created_at desc, id desc) where deleted_at is null;
-- byte order ("C"): serves both the prefix match (LIKE 'x%') and the name order of the lists and the search
create index person_name_order on registry.person ((lower(name) collate "C"), id) where deleted_at is null;
create index person_email on registry.person (lower(email)) where deleted_at is null;
create index person_phone on registry.person (phone) where deleted_at is null;
create index person_deleted on registry.person (deleted_at desc, id desc) where deleted_at is not null;

create table registry.company (
    id              uuid        primary key,
    name            text        not null check (length(name) between 1 and 200),
    document_type   text        not null check (document_type in ('cnpj', 'registration')),
    document_number text        not null check (length(document_number) between 1 and 40),
    address         text        check (length(address) <= 500),
    subject         text        check (length(subject) <= 200),
    version         bigint      not null default 1,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    deleted_at      timestamptz,
    deleted_by      text,
    delete_reason   text,
    constraint company_deleted check ((deleted_at is null) = (deleted_by is null))
);
create unique index company_live_document on registry.company (document_type, document_number) where deleted_at is null;
create index company_page on registry.company (created_at desc, id desc) where deleted_at is null;
create index company_name_order on registry.company ((lower(name) collate "C"), id) where deleted_at is null;
create index company_deleted on registry.company (deleted_at desc, id desc) where deleted_at is not null;

-- Account numbers: eight digits from this sequence and a mod-11 check digit, never reused (a deleted account
-- keeps its number), so the number an operator types to confirm an irreversible action names one account ever.
create sequence registry.account_number start with 10000001;

create table registry.account (
    id              uuid        primary key,
    number          text        not null unique check (number ~ '^[0-9]{8}-[0-9]$'),
    holder_kind     text        not null check (holder_kind in ('person', 'company')),
    holder_id       uuid        not null,
    kind            text        not null check (kind in ('personal', 'business')),
    plan_code       text        check (length(plan_code) between 1 and 60),
    status          text        not null check (status in ('active', 'suspended', 'cancelled')),
    cash_out_level  integer     not null default 1 check (cash_out_level between 0 and 9),
    night_starts_at smallint    not null default 20 check (night_starts_at between 0 and 23),
    subject         text,
    version         bigint      not null default 1,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    deleted_at      timestamptz,
    deleted_by      text,
    delete_reason   text,
    constraint account_deleted check ((deleted_at is null) = (deleted_by is null))
);
-- keyset pages newest first, alone and under each filter the API offers (kind only narrows to half: it rides on
-- the others)
create index account_page on registry.account (created_at desc, id desc) where deleted_at is null;
create index account_status_page on registry.account (status, created_at desc, id desc) where deleted_at is null;
create index account_holder on registry.account (holder_id, created_at desc, id desc) where deleted_at is null;
create index account_plan_page on registry.account (plan_code, created_at desc, id desc) where deleted_at is null;
create index account_deleted on registry.account (deleted_at desc, id desc) where deleted_at is not null;

-- The transaction types that have limits, with the values every account has unless it has its own.
create table registry.limit_type (
    code              text        primary key check (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    daytime_amount    numeric(19, 2) not null check (daytime_amount >= 0),
    nighttime_amount  numeric(19, 2) not null check (nighttime_amount >= 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    updated_by        text        not null
);

-- One account's own limits for a transaction type (absent: the type's values).
create table registry.account_limit (
    account_id        uuid        not null references registry.account (id),
    transaction_type  text        not null references registry.limit_type (code),
    daytime_amount    numeric(19, 2) not null check (daytime_amount >= 0),
    nighttime_amount  numeric(19, 2) not null check (nighttime_amount >= 0),
    updated_at        timestamptz not null,
    updated_by        text        not null,
    primary key (account_id, transaction_type)
);
create index account_limit_type on registry.account_limit (transaction_type);

create table registry.sub_account (
    id            uuid        primary key,
    account_id    uuid        not null references registry.account (id),
    kind          text        not null check (kind in ('escrow', 'financing', 'wallet')),
    name          text        not null check (length(name) between 1 and 100),
    balance       numeric(19, 2) not null default 0,
    currency      text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at    timestamptz not null,
    created_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text
);
create index sub_account_of_account on registry.sub_account (account_id, created_at, id) where deleted_at is null;
create index sub_account_deleted on registry.sub_account (deleted_at desc, id desc) where deleted_at is not null;

-- Shareholders of business accounts: a person or a company of the registry.
create table registry.partner (
    id            uuid        primary key,
    account_id    uuid        not null references registry.account (id),
    party_kind    text        not null check (party_kind in ('person', 'company')),
    party_id      uuid        not null,
    share_percent numeric(5, 2) check (share_percent > 0 and share_percent <= 100),
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text
);
create unique index partner_live on registry.partner (account_id, party_kind, party_id) where deleted_at is null;
create index partner_deleted on registry.partner (deleted_at desc, id desc) where deleted_at is not null;

create table registry.account_user (
    id            uuid        primary key,
    account_id    uuid        not null references registry.account (id),
    name          text        not null check (length(name) between 1 and 200),
    email         text        not null check (length(email) <= 254),
    phone         text        check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    status        text        not null check (status in ('active', 'blocked')),
    permissions   text[]      not null default '{}',
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text
);
create unique index account_user_live_email on registry.account_user (account_id, lower(email)) where deleted_at is null;
create index account_user_of_account on registry.account_user (account_id, created_at, id) where deleted_at is null;
create index account_user_email on registry.account_user (lower(email)) where deleted_at is null;
create index account_user_deleted on registry.account_user (deleted_at desc, id desc) where deleted_at is not null;

create table registry.device (
    id            uuid        primary key,
    user_id       uuid        not null references registry.account_user (id),
    label         text        not null check (length(label) between 1 and 100),
    platform      text        not null check (platform in ('android', 'ios', 'web')),
    trusted       boolean     not null,
    trusted_at    timestamptz,
    last_seen_at  timestamptz,
    created_at    timestamptz not null,
    created_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text
);
create index device_of_user on registry.device (user_id, created_at, id) where deleted_at is null;
create index device_deleted on registry.device (deleted_at desc, id desc) where deleted_at is not null;

-- Pix keys, kept normalised (CPF/CNPJ without punctuation, email in lower case, phone in E.164, random key as a
-- lower-case UUID). A key is live while active and not deleted; a cancelled key frees its value.
create table registry.pix_key (
    id            uuid        primary key,
    account_id    uuid        not null references registry.account (id),
    key_type      text        not null check (key_type in ('cpf', 'cnpj', 'email', 'phone', 'random')),
    key_value     text        not null check (length(key_value) between 1 and 254),
    status        text        not null check (status in ('active', 'cancelled')),
    cancelled_at  timestamptz,
    created_at    timestamptz not null,
    created_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text
);
create unique index pix_key_live on registry.pix_key (key_value) where deleted_at is null and status = 'active';
create index pix_key_value on registry.pix_key (key_value) where deleted_at is null;
create index pix_key_of_account on registry.pix_key (account_id, created_at, id) where deleted_at is null;
create index pix_key_deleted on registry.pix_key (deleted_at desc, id desc) where deleted_at is not null;

-- Uploaded documents, kept in PostgreSQL; the content type is the one sniffed from the bytes.
create table registry.document (
    id            uuid        primary key,
    account_id    uuid        not null references registry.account (id),
    file_name     text        not null check (length(file_name) between 1 and 255),
    content_type  text        not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes    integer     not null check (size_bytes > 0 and size_bytes <= 10485760),
    sha256        text        not null,
    content       bytea       not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    deleted_at    timestamptz,
    deleted_by    text,
    delete_reason text,
    constraint document_size check (octet_length(content) = size_bytes)
);
create index document_of_account on registry.document (account_id, created_at desc, id desc) where deleted_at is null;
create index document_deleted on registry.document (deleted_at desc, id desc) where deleted_at is not null;

-- Balances as last read from the provider, with the time read.
create table registry.provider_balance (
    account_id  uuid        not null references registry.account (id),
    currency    text        not null check (currency ~ '^[A-Z]{3}$'),
    available   numeric(19, 2) not null,
    blocked     numeric(19, 2) not null default 0,
    read_at     timestamptz not null,
    primary key (account_id, currency)
);
