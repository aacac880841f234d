-- API keys no longer outlive their creator (issue 11).

-- Every key expires. Keys created without an expiry get one a year (the default opsdesk.api.key-max-lifetime)
-- from this migration; the bootstrap and demo keys included.
update access.api_key set expires_at = now() + interval '365 days' where expires_at is null;
alter table access.api_key alter column expires_at set not null;

-- A key's children (keys it created) die with it: finish the revocations made before this rule.
with recursive dead (id, revoked_at) as (
    select id, revoked_at from access.api_key where revoked_at is not null
    union all
    select k.id, d.revoked_at from dead d join access.api_key k on k.created_by = 'api_key:' || d.id::text
)
update access.api_key k set revoked_at = d.revoked_at
from (select id, min(revoked_at) as revoked_at from dead group by id) d
where k.id = d.id and k.revoked_at is null;

create index api_key_created_by on access.api_key (created_by);

-- A key acts with its creator's current permissions and only while its creator is active. The nodes cache keys
-- (ADR 0007), so every change of an operator's roles or status, or of a role's permissions, tells every node to
-- forget its cached keys ('*' on the revocation channel), whichever code or hand made the change.
create function access.notify_key_standing_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('opsdesk_api_key_revoked', '*');
    return null;
end;
$$;

create trigger operator_standing_changed
    after update on access.operator
    for each row
    when (old.roles is distinct from new.roles or old.enabled is distinct from new.enabled
          or old.deleted_at is distinct from new.deleted_at or old.username is distinct from new.username)
    execute function access.notify_key_standing_changed();
create trigger operator_removed
    after delete on access.operator
    for each row execute function access.notify_key_standing_changed();
create trigger role_permissions_changed
    after update on access.role
    for each row when (old.permissions is distinct from new.permissions)
    execute function access.notify_key_standing_changed();
create trigger role_added_or_removed
    after insert or delete on access.role
    for each row execute function access.notify_key_standing_changed();
