package org.opsdesk.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/webhooks} over real HTTP against PostgreSQL. */
class WebhookEndpointsIntegrationTests extends IntegrationTest {

    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/opsdesk";

    @Autowired
    WebhookAdministration administration;

    @Test
    void createsAnEndpointAndShowsItsSecretOnceEncryptedAtRest() {
        var response =
                api().post("/api/v1/webhooks", body(PUBLIC_URL, "ledger sync", "[\"operation.status_changed\"]", true));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(created.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("eventTypes").get(0).asString()).isEqualTo("operation.status_changed");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSizeGreaterThanOrEqualTo(24);

        String stored = jdbc.sql("select secret from notifications.webhook_endpoint where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        String everything = jdbc.sql(
                        "select row_to_json(e)::text from notifications.webhook_endpoint e where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain(secret.substring(6));
        assertThat(administration.signingSecrets(UUID.fromString(id))).containsExactly(secret);
        assertThat(changes(id)).containsExactly("created");
    }

    @Test
    void readsAndListsEndpointsWithoutTheirSecret() {
        String first = createEndpoint();
        String second = createEndpoint();

        var one = api().get("/api/v1/webhooks/" + first);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("id").asString()).isEqualTo(first);
        assertThat(one.json().has("secret")).isFalse();
        assertThat(one.body()).doesNotContain("whsec_").doesNotContain("v1:");

        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api().get("/api/v1/webhooks?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("whsec_").doesNotContain("\"secret\"");
            page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates().contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first)); // newest first
        assertThat(api().get("/api/v1/webhooks?cursor=bogus").status()).isEqualTo(422);
        assertThat(api().get("/api/v1/webhooks/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void updatesAnEndpointValidatingItLikeCreation() {
        String id = createEndpoint();

        var updated = api().put(
                        "/api/v1/webhooks/" + id,
                        body("https://8.8.8.8/new", "renamed", "[\"*\", \"operation.status_changed\"]", true));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("url").asString()).isEqualTo("https://8.8.8.8/new");
        assertThat(updated.json().get("description").asString()).isEqualTo("renamed");
        assertThat(updated.json().has("secret")).isFalse();
        assertThat(api().get("/api/v1/webhooks/" + id).json().get("eventTypes").size())
                .isEqualTo(2);

        var refused = api().put("/api/v1/webhooks/" + id, body("https://10.0.0.5/x", null, "[\"*\"]", true));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(field(refused)).isEqualTo("url");
        assertThat(api().get("/api/v1/webhooks/" + id).json().get("url").asString())
                .isEqualTo("https://8.8.8.8/new");
        assertThat(api().put("/api/v1/webhooks/" + UUID.randomUUID(), body(PUBLIC_URL, null, "[\"*\"]", true))
                        .status())
                .isEqualTo(404);
        assertThat(changes(id)).containsExactly("created", "updated");
    }

    @Test
    void keepsAnOptionalOwnerEmailValidatedAsAnAddress() {
        var created = api().post(
                        "/api/v1/webhooks",
                        "{\"url\":\"" + PUBLIC_URL
                                + "\",\"eventTypes\":[\"*\"],\"ownerEmail\":\"ledger-team@example.com\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("ownerEmail").asString()).isEqualTo("ledger-team@example.com");
        String id = created.json().get("id").asString();
        assertThat(api().get("/api/v1/webhooks/" + id).json().get("ownerEmail").asString())
                .isEqualTo("ledger-team@example.com");

        var refused = api().put(
                        "/api/v1/webhooks/" + id,
                        "{\"url\":\"" + PUBLIC_URL + "\",\"eventTypes\":[\"*\"],\"ownerEmail\":\"not an address\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(field(refused)).isEqualTo("ownerEmail");
        assertThat(api().get("/api/v1/webhooks/" + id).json().get("ownerEmail").asString())
                .isEqualTo("ledger-team@example.com");

        var changed = api().put(
                        "/api/v1/webhooks/" + id,
                        "{\"url\":\"" + PUBLIC_URL + "\",\"eventTypes\":[\"*\"],\"ownerEmail\":\"ops@example.org\"}");
        assertThat(changed.json().get("ownerEmail").asString()).isEqualTo("ops@example.org");
        var removed = api().put("/api/v1/webhooks/" + id, body(PUBLIC_URL, null, "[\"*\"]", true));
        assertThat(removed.json().get("ownerEmail").isNull())
                .as("PUT replaces the whole endpoint")
                .isTrue();
        assertThat(jdbc.sql("select details->>'ownerEmail' from notifications.endpoint_change"
                                + " where endpoint_id = ?::uuid order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("ledger-team@example.com", "ops@example.org", "");
    }

    @Test
    void disablesWithAReasonAndEnablesAgain() {
        String id = createEndpoint();

        var disabled = api().post("/api/v1/webhooks/" + id + "/disable", "{\"reason\":\"receiver migrating\"}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("disabledReason").asString()).isEqualTo("receiver migrating");

        var enabled = api().post("/api/v1/webhooks/" + id + "/enable", "");
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("disabledReason").isNull()).isTrue();
        assertThat(changes(id)).containsExactly("created", "disabled", "enabled");
    }

    @Test
    void deletesAnEndpointAndKeepsItsChangeLog() {
        String id = createEndpoint();

        assertThat(api().delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(changes(id)).containsExactly("created", "deleted");
    }

    @Test
    void rotatesTheSecretKeepingTheOldOneForTheOverlap() {
        var created = api().post("/api/v1/webhooks", body(PUBLIC_URL, null, "[\"*\"]", true))
                .json();
        String id = created.get("id").asString();
        String oldSecret = created.get("secret").asString();

        var rotated = api().post("/api/v1/webhooks/" + id + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        Instant until =
                Instant.parse(rotated.json().get("previousSecretExpiresAt").asString());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(api().get("/api/v1/webhooks/" + id).body()).doesNotContain(newSecret.substring(6));

        assertThat(administration.signingSecrets(UUID.fromString(id))).containsExactly(newSecret, oldSecret);
        clock().advance(Duration.between(clock().instant(), until).plusSeconds(1)); // the overlap ends
        assertThat(administration.signingSecrets(UUID.fromString(id))).containsExactly(newSecret);
        assertThat(changes(id)).containsExactly("created", "secret_rotated");
    }

    @Test
    void aSecretCopiedOntoAnotherEndpointDoesNotDecrypt() {
        String one = createEndpoint();
        String other = createEndpoint();
        jdbc.sql("update notifications.webhook_endpoint set secret = (select secret from notifications.webhook_endpoint"
                        + " where id = ?::uuid) where id = ?::uuid")
                .params(one, other)
                .update();

        assertThatThrownBy(() -> administration.signingSecrets(UUID.fromString(other)))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void refusesCallersWithoutThePermission() {
        String id = createEndpoint();
        ApiClient viewer = apiWith("webhooks:view");
        ApiClient stranger = apiWith("deposit:view");

        assertThat(viewer.get("/api/v1/webhooks/" + id).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/webhooks").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/webhooks", body(PUBLIC_URL, null, "[\"*\"]", true))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/api/v1/webhooks/" + id + "/rotate-secret", "").status())
                .isEqualTo(403);
        assertThat(viewer.post("/api/v1/webhooks/" + id + "/disable", "").status())
                .isEqualTo(403);
        assertThat(viewer.delete("/api/v1/webhooks/" + id).status()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/webhooks/" + id).status()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/webhooks").status()).isEqualTo(403);

        ApiClient manager = apiWith("webhooks:manage");
        assertThat(manager.post("/api/v1/webhooks", body(PUBLIC_URL, null, "[\"*\"]", true))
                        .status())
                .isEqualTo(201);
        assertThat(changes(id)).containsExactly("created");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not a url                                  | url",
                "ftp://93.184.215.14/x                      | url",
                "https://user:secret@93.184.215.14/hook     | url",
                "https://127.0.0.2/hook                     | url",
                "https://[::ffff:127.0.0.2]/hook            | url",
                "https://[::1]/hook                         | url",
                "https://10.1.2.3/hook                      | url",
                "https://192.168.1.10/hook                  | url",
                "https://172.20.0.1/hook                    | url",
                "https://169.254.169.254/latest/meta-data   | url",
                "https://[::ffff:169.254.169.254]/hook      | url",
                "https://[fd00::1]/hook                     | url",
                "https://0.0.0.0/hook                       | url"
            })
    void refusesUnsafeUrlsWith422OnTheUrlField(String url, String field) {
        var response = api().post("/api/v1/webhooks", body(url, null, "[\"*\"]", true));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(field(response)).isEqualTo(field);
        assertThat(response.body()).doesNotContain("whsec_");
    }

    @Test
    void refusesUnknownEventTypesAndMissingFieldsWith422NamingThem() {
        var unknown = api().post("/api/v1/webhooks", body(PUBLIC_URL, null, "[\"*\", \"operation.deleted\"]", true));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("eventTypes[1]");
        assertThat(unknown.body()).contains("operation.deleted");

        var empty = api().post("/api/v1/webhooks", body(PUBLIC_URL, null, "[]", true));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(field(empty)).isEqualTo("eventTypes");

        var noUrl = api().post("/api/v1/webhooks", "{\"eventTypes\":[\"*\"]}");
        assertThat(noUrl.status()).isEqualTo(422);
        assertThat(field(noUrl)).isEqualTo("url");

        int before = jdbc.sql("select count(*) from notifications.webhook_endpoint where url like '%10.9.9.9%'")
                .query(Integer.class)
                .single();
        assertThat(api().post("/api/v1/webhooks", body("https://10.9.9.9/", null, "[\"*\"]", true))
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from notifications.webhook_endpoint where url like '%10.9.9.9%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theChangeLogIsAppendOnly() {
        String id = createEndpoint();

        assertThatThrownBy(() -> jdbc.sql("delete from notifications.endpoint_change where endpoint_id = ?::uuid")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
    }

    private String createEndpoint() {
        var response = api().post("/api/v1/webhooks", body(PUBLIC_URL, "test endpoint", "[\"*\"]", true));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private List<String> changes(String id) {
        return jdbc.sql("select action from notifications.endpoint_change where endpoint_id = ?::uuid order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private static String field(ApiClient.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    private static String body(String url, String description, String eventTypes, boolean enabled) {
        return "{\"url\":\"" + url + "\",\"description\":" + (description == null ? "null" : "\"" + description + "\"")
                + ",\"eventTypes\":" + eventTypes + ",\"enabled\":" + enabled + "}";
    }
}
