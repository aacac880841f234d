-- How long each phase of an import took (reading the file, storing it, matching its entries), in milliseconds:
-- shown with the import, so that a slow bank file or a slow match is seen where it happens.
alter table banking.statement_import
    add column read_millis  integer check (read_millis >= 0),
    add column store_millis integer check (store_millis >= 0),
    add column match_millis integer check (match_millis >= 0);
