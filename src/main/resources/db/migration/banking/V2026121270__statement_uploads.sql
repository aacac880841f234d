-- A statement file a cashier uploaded in the console, waiting for (or being read by) the background importer: the
-- upload answers at once and the cashier may leave the page. The bytes are kept in the database, not in a node's
-- memory or disk, so that any node may import the file and a node that stops mid-import leaves it for another
-- (its lease runs out). Who uploaded it, with the permissions they held then, is kept to import it as them.
create table banking.statement_upload (
    id                 uuid        primary key,
    content            bytea,                                  -- null once the import ended (retention)
    file_sha256        bytea       not null check (length(file_sha256) = 32),
    file_name          text        check (length(file_name) <= 255),
    file_size          bigint      not null check (file_size > 0),
    bank_account_id    uuid,                                   -- exchange.bank_account assigned by the cashier
    mapping_id         uuid,                                   -- banking.statement_mapping for a CSV file
    state              text        not null default 'WAITING'
                                   check (state in ('WAITING', 'RUNNING', 'DONE', 'REFUSED')),
    import_id          uuid,                                   -- banking.statement_import of the current attempt
    refusal            jsonb,                                  -- the problem: status, detail, errors [{field, message}]
    attempts           integer     not null default 0,
    claimed_by         text,                                   -- the node importing it
    lease_until        timestamptz,                            -- another node takes it over after this
    uploaded_by_kind   text        not null,
    uploaded_by_id     text        not null,
    uploaded_by_name   text        not null,
    uploaded_by_person text        not null,
    uploaded_by_permissions text[] not null,
    uploaded_at        timestamptz not null,
    finished_at        timestamptz,
    check ((state in ('DONE', 'REFUSED')) = (finished_at is not null)),
    check (state <> 'RUNNING' or lease_until is not null)
);

-- the importer's claim: the oldest waiting upload, or a running one whose node stopped renewing its lease
create index statement_upload_open on banking.statement_upload (uploaded_at) where state in ('WAITING', 'RUNNING');
create index statement_upload_recent on banking.statement_upload (uploaded_at desc, id desc);
-- the retention sweep: finished uploads that still hold their bytes
create index statement_upload_kept on banking.statement_upload (finished_at) where content is not null and finished_at is not null;
