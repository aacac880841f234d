-- The action catalog's own details of each invocation, keyed by its operation (whose stage and history are the
-- invocation's status and audit trail, in operations): which action on which record, the checked input as the
-- handler reads it when the effect applies (after four-eyes, possibly much later), the maker in whose name it
-- applies, and how many checkers the declaration asked for. Written once when the invocation is made; the target
-- of an action that creates a record is filled in when it applies.
create schema if not exists actions;

create table actions.invocation (
    operation_id       uuid        primary key,
    action_id          text        not null,
    target_kind        text        not null,
    target_id          text,                   -- null for a creation until it applied
    input              jsonb       not null,   -- the input as the API takes it (an upload's bytes in base64)
    reason             text,
    maker_kind         text        not null,
    maker_id           text        not null,
    maker_name         text        not null,
    maker_person       text        not null,
    required_approvals integer     not null check (required_approvals between 0 and 10),
    created_at         timestamptz not null
);

-- A record's invocations, newest first (its actions timeline).
create index invocation_by_target on actions.invocation (target_kind, target_id, created_at desc);
