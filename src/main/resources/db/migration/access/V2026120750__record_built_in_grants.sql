-- The grants the built-in roles were given by Opsdesk itself (seeding, and reconciliation on start). Reconciliation
-- adds a grant a role lacks only if it was never given before, so an administrator's removal of a grant sticks.
create table access.built_in_grant (
    role        text        not null,
    permission  text        not null,
    granted_at  timestamptz not null,
    primary key (role, permission)
);
