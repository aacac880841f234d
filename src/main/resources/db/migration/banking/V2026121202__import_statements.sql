-- Which statements each import read, in the file's order, with how many of their entries it stored: a statement
-- imported again is linked to the later import too (with 0 new entries), so every import's result can be shown.
create table banking.import_statement (
    import_id     uuid    not null references banking.statement_import (id),
    position      integer not null check (position >= 0),
    statement_ref uuid    not null references banking.statement (id),
    entries_total integer not null,
    entries_new   integer not null,
    first_import  boolean not null,
    primary key (import_id, position)
);

create index import_statement_statement on banking.import_statement (statement_ref);
