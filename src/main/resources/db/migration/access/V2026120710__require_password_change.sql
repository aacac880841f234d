-- A password an administrator set (at creation or by a reset, typed or generated) is known to someone other than
-- its operator: they must choose their own at the next sign-in before anything else.
alter table access.operator
    add column password_change_required boolean not null default false;
