package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.roles.Role;
import org.opsdesk.access.roles.RoleStore;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A console request learns what the operator's roles grant from the operator's own read
 * ({@link OperatorStore#findForSession}, in SQL); sign-in, enrolment and the assignee directory learn it from the
 * roles ({@link OperatorActors#signedIn}, in Java). Both must give the same actor and the same MFA answer, now and
 * after a role changes.
 */
class SessionStandingIntegrationTests extends IntegrationTest {

    @Autowired
    OperatorStore operators;

    @Autowired
    OperatorActors actors;

    @Autowired
    RoleStore roles;

    @Test
    void theSessionsReadOfTheRolesAgreesWithTheActorsOwnAndFollowsARoleChange() {
        String plain = role(Set.of("withdrawal:view", "deposit:view"), false);
        String strict = role(Set.of("withdrawal:view", "withdrawal:transition:approved"), true);
        String empty = role(Set.of(), false);
        String username =
                ensureOperator("standing-" + UUID.randomUUID().toString().substring(0, 8), plain, empty);

        var before = operators.findForSession(username).orElseThrow();
        assertThat(before.signedIn()).isEqualTo(actors.signedIn(before.operator()));
        assertThat(before.signedIn().mfaRequired()).isFalse();
        assertThat(before.signedIn().actor().permissions().granted())
                .containsExactlyInAnyOrder("withdrawal:view", "deposit:view");

        jdbc.sql("update access.operator set roles = ? where username = ?")
                .params(new String[] {plain, strict, empty, "no-such-role"}, username)
                .update();

        var after = operators.findForSession(username).orElseThrow();
        assertThat(after.signedIn()).isEqualTo(actors.signedIn(after.operator()));
        assertThat(after.signedIn().mfaRequired()).isTrue();
        assertThat(after.signedIn().actor().permissions().granted())
                .containsExactlyInAnyOrder("withdrawal:view", "deposit:view", "withdrawal:transition:approved");
    }

    private String role(Set<String> permissions, boolean mfaRequired) {
        String name = "standing-" + UUID.randomUUID().toString().substring(0, 8);
        var now = Instant.now();
        assertThat(roles.insert(new Role(name, "session standing tests", permissions, mfaRequired, false, now, now)))
                .isTrue();
        return name;
    }
}
