package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * A key created on the console page expires (90 days by default) and stands for the operator who created it
 * (issue 11). Failed before: the console set no expiry, and the key outlived its creator's disabling.
 */
class ConsoleApiKeyIntegrationTests extends SignInTestSupport {

    @Test
    void aKeyCreatedOnTheConsoleExpiresAndStopsWithItsCreator() {
        var role = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"key-desk\",\"description\":\"keys, no second factor\","
                                + "\"permissions\":[\"apikeys:view\",\"apikeys:manage\",\"deposit:view\"],"
                                + "\"mfaRequired\":false}");
        assertThat(role.status()).as(role.body()).isIn(201, 409);
        String username = operator("key-desk");
        var browser = browser();
        assertThat(browser.signIn(username, PASSWORD).status()).isEqualTo(302);
        assertThat(browser.get("/admin/api-keys").body()).contains("90");

        var created = browser.post("/admin/api-keys", "name", "console key", "permissions", "deposit:view");

        assertThat(created.status()).isEqualTo(200);
        String secret = created.html().selectFirst("code#secret").text();
        var stored = jdbc.sql("select expires_at, created_by from access.api_key where name = 'console key'"
                        + " and created_by = ?")
                .param("operator:" + username)
                .query((rs, n) ->
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant())
                .single();
        assertThat(stored)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        var key = api().withKey(secret);
        assertThat(key.get("/api/v1/operations?type=deposit&limit=1").status()).isEqualTo(200);

        assertThat(api().post("/api/v1/operators/" + username + "/disable", "").status())
                .isEqualTo(200);

        assertThat(key.get("/api/v1/operations?type=deposit&limit=1").status()).isEqualTo(401);
    }
}
