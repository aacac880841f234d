-- Every distinct content of a workflow definition gets a version; operations keep the version they were created under.
create schema if not exists workflow;

create table workflow.definition_version (
    type        text        not null,
    version     int         not null check (version > 0),
    checksum    text        not null,  -- SHA-256 of the canonical JSON below
    definition  jsonb       not null,
    source      text        not null,  -- file it was loaded from, for operators reading the log
    created_at  timestamptz not null default now(),
    primary key (type, version),
    unique (type, checksum)
);
