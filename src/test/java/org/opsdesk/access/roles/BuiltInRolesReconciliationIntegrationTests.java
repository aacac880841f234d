package org.opsdesk.access.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Built-in roles are reconciled on start: a database created by an older version gets the grants this version's
 * modules give the built-in roles, an administrator's later removal of such a grant sticks, and custom roles are
 * never touched. Every change is in the security log.
 */
class BuiltInRolesReconciliationIntegrationTests extends IntegrationTest {

    @Autowired
    BuiltInRoles builtInRoles;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void restoreTheOperatorRole() {
        jdbc.sql("update access.role set permissions = array_append(permissions, 'reports:view') "
                        + "where name = 'operator' and not ('reports:view' = any(permissions))")
                .update();
    }

    @Test
    void givesABuiltInRoleOfAnOlderDatabaseTheGrantsOfThisVersion() {
        // an older version: the operator role without reports:view, and no record of what Opsdesk granted
        withoutGrant("operator", "reports:view");
        jdbc.sql("delete from access.built_in_grant where role = 'operator'").update();

        var changed = reconcile();

        assertThat(changed).contains("operator");
        assertThat(permissionsOf("operator")).contains("reports:view");
        assertThat(jdbc.sql("select details::text from access.security_event where kind = 'role.reconciled' "
                                + "and target = 'role:operator' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .contains("reports:view");
    }

    @Test
    void leavesAGrantAnAdministratorRemovedAfterOpsdeskGaveIt() {
        reconcile(); // Opsdesk has given the operator role everything of this version
        withoutGrant("operator", "reports:view");

        var changed = reconcile();

        assertThat(changed).doesNotContain("operator");
        assertThat(permissionsOf("operator")).doesNotContain("reports:view");
    }

    @Test
    void neverTouchesACustomRole() {
        jdbc.sql("insert into access.role (name, description, permissions, mfa_required, built_in, created_at, "
                        + "updated_at) values ('custom-reader', 'test', array['deposit:view'], false, false, now(), now()) "
                        + "on conflict (name) do nothing")
                .update();

        reconcile();

        assertThat(permissionsOf("custom-reader")).containsExactly("deposit:view");
    }

    private List<String> reconcile() {
        return new TransactionTemplate(transactionManager).execute(status -> builtInRoles.reconcile(Instant.now()));
    }

    private void withoutGrant(String role, String permission) {
        jdbc.sql("update access.role set permissions = array_remove(permissions, ?) where name = ?")
                .params(permission, role)
                .update();
    }

    private List<String> permissionsOf(String role) {
        return jdbc.sql("select unnest(permissions) from access.role where name = ?")
                .param(role)
                .query(String.class)
                .list();
    }
}
