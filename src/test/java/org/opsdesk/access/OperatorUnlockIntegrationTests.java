package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An operator without a second factor cannot pass a soft lock (that takes password plus code), so ten wrong
 * passwords from anywhere would keep them out until the lock ends: an administrator lifts it.
 */
class OperatorUnlockIntegrationTests extends SignInTestSupport {

    @Test
    void liftsTheSoftLockOfAnOperatorWithoutASecondFactor() {
        String username = operator("support");
        var attacker = tenWrongPasswords(username);
        var ownerWhileLocked = browser().signIn(username, PASSWORD);
        assertThat(ownerWhileLocked.status())
                .as("without a code the owner cannot pass the soft lock")
                .isEqualTo(200);

        var unlocked = api().post("/api/v1/operators/" + username + "/unlock", "");
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
        assertThat(events(username)).anyMatch(event -> event.startsWith("account_unlocked "));
        assertThat(eventDetails(username, "account_unlocked")).contains("\"wasLocked\": true");

        var owner = browser().signIn(username, PASSWORD);
        assertThat(owner.status()).isEqualTo(302);
        assertThat(owner.location()).isEqualTo("/");
        assertThat(attacker.signIn(username, PASSWORD).status())
                .as("the address that failed ten times starts again too: its lock was lifted with the account's")
                .isEqualTo(302);
    }

    @Test
    void needsTheRightToManageOperators() {
        String username = operator("support");
        tenWrongPasswords(username);
        var refused = apiWith(AccessPermissions.OPERATORS_VIEW).post("/api/v1/operators/" + username + "/unlock", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser().signIn(username, PASSWORD).status())
                .as("still locked")
                .isEqualTo(200);
        assertThat(api().post("/api/v1/operators/nobody-" + username + "/unlock", "")
                        .status())
                .isEqualTo(404);
    }
}
