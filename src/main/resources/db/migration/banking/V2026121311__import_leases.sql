-- An import through the API runs on the node that took the request. That node holds it under a lease: it renews
-- heartbeat_at while the import runs, and a node that finds a RUNNING import whose heartbeat is older than the lease
-- takes it over (ADR 0033) — matching resumed if its statements were stored, refused with a clear message if not.
-- Imports of uploaded files are left to the uploads' own lease. Rows from before this migration count from their
-- start.
alter table banking.statement_import
    add column claimed_by   text,
    add column heartbeat_at timestamptz;

-- the sweep: the few imports still running, oldest first
create index statement_import_running on banking.statement_import (started_at) where state = 'RUNNING';
