-- The exports a principal runs at once, across every node: one row per slot (0 .. the per-principal limit - 1),
-- leased by the export holding it. A running export renews its lease; a node that dies stops renewing, so its
-- slots are free again once their lease has passed. A finished export deletes its row.
create table exports.export_slot (
    principal    text        not null,
    slot         integer     not null check (slot >= 0),
    holder       uuid        not null unique,
    leased_until timestamptz not null,
    primary key (principal, slot)
);
