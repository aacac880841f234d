package org.opsdesk.access.roles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.access.keys.ApiKeyCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roles in {@code access.role}. */
@Repository
public class RoleStore {

    /** Keys act with their creator's roles' permissions: told of every change to them (ADR 0019). */
    private final ApiKeyCache keyCache;

    private final JdbcClient jdbc;

    RoleStore(JdbcClient jdbc, ApiKeyCache keyCache) {
        this.keyCache = keyCache;
        this.jdbc = jdbc;
    }

    public List<Role> all() {
        return jdbc.sql("select * from access.role order by name")
                .query(RoleStore::role)
                .list();
    }

    public Optional<Role> find(String name) {
        return jdbc.sql("select * from access.role where name = ?")
                .param(name)
                .query(RoleStore::role)
                .optional();
    }

    /** Locks a role for a change, so concurrent edits apply one after the other. */
    public Optional<Role> lock(String name) {
        return jdbc.sql("select * from access.role where name = ? for update")
                .param(name)
                .query(RoleStore::role)
                .optional();
    }

    public boolean insert(Role role) {
        boolean inserted = jdbc.sql(
                                """
                        insert into access.role (name, description, permissions, mfa_required, built_in, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing""")
                        .params(
                                role.name(),
                                role.description(),
                                sorted(role.permissions()),
                                role.mfaRequired(),
                                role.builtIn(),
                                ts(role.createdAt()),
                                ts(role.updatedAt()))
                        .update()
                == 1;
        keyCache.evictAllAfterCommit();
        return inserted;
    }

    public void update(Role role) {
        jdbc.sql(
                        """
                        update access.role set description = ?, permissions = ?, mfa_required = ?, updated_at = ?
                        where name = ?""")
                .params(
                        role.description(),
                        sorted(role.permissions()),
                        role.mfaRequired(),
                        ts(role.updatedAt()),
                        role.name())
                .update();
        keyCache.evictAllAfterCommit();
    }

    public void delete(String name) {
        jdbc.sql("delete from access.role where name = ?").param(name).update();
        keyCache.evictAllAfterCommit();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from access.role)")
                .query(Boolean.class)
                .single();
    }

    /** The roles of this list that exist. */
    public List<Role> findAll(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from access.role where name = any(?) order by name")
                .param(names.toArray(String[]::new))
                .query(RoleStore::role)
                .list();
    }

    /** The union of the permissions of these roles (unknown names contribute nothing). */
    public Set<String> permissionsOf(Collection<String> names) {
        var permissions = new HashSet<String>();
        findAll(names).forEach(role -> permissions.addAll(role.permissions()));
        return permissions;
    }

    private static Role role(ResultSet rs, int row) throws SQLException {
        return new Role(
                rs.getString("name"),
                rs.getString("description"),
                Set.of((String[]) rs.getArray("permissions").getArray()),
                rs.getBoolean("mfa_required"),
                rs.getBoolean("built_in"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String[] sorted(Set<String> permissions) {
        return new TreeSet<>(permissions).toArray(String[]::new);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The grants Opsdesk itself gave this built-in role (seeding and reconciliation). */
    Set<String> builtInGrants(String role) {
        return new TreeSet<>(jdbc.sql("select permission from access.built_in_grant where role = ?")
                .param(role)
                .query(String.class)
                .list());
    }

    /** Remembers that Opsdesk gave these grants to a built-in role, so it never gives them again. */
    void recordBuiltInGrants(String role, Collection<String> permissions, Instant at) {
        // one statement for the whole set: this runs on every start for every built-in role
        jdbc.sql("insert into access.built_in_grant (role, permission, granted_at)"
                        + " select ?, permission, ? from unnest(?::text[]) as permission on conflict do nothing")
                .params(role, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), permissions.toArray(String[]::new))
                .update();
    }
}
