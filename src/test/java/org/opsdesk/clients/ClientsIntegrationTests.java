package org.opsdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** The client directory over real HTTP and PostgreSQL: upserts, consent history, validation, If-Match, grants. */
class ClientsIntegrationTests extends IntegrationTest {

    @Autowired
    Clients clients;

    @Test
    void createsAClientWith201ThenUpdatesItWith200() {
        String subject = ClientBody.freshSubject();
        var created = put(subject, ClientBody.client().email("ana@example.com").phone("+5511987654321", false));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/clients/" + subject);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.json();
        assertThat(body.get("subject").asString()).isEqualTo(subject);
        assertThat(body.get("email").asString()).isEqualTo("ana@example.com");
        assertThat(body.get("phone").asString()).isEqualTo("+5511987654321");
        assertThat(body.get("phoneVerified").asBoolean()).isFalse();
        assertThat(body.get("locale").asString()).isEqualTo("pt-BR");
        assertThat(body.get("createdBy").asString()).startsWith("api_key:");
        assertThat(body.get("consents").get("email").isNull()).isTrue();

        var updated =
                put(subject, ClientBody.client().set("name", "Ana S. Souza").phone("+5511987654321", true));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.json().get("name").asString()).isEqualTo("Ana S. Souza");
        assertThat(updated.json().get("email").isNull())
                .as("a PUT replaces: no email now")
                .isTrue();
        assertThat(updated.json().get("phoneVerified").asBoolean()).isTrue();

        var read = api().get("/api/v1/clients/" + subject);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(read.json().get("name").asString()).isEqualTo("Ana S. Souza");
        assertThat(read.json().get("version").asLong()).isEqualTo(2);
        assertThat(clients.find(subject))
                .hasValueSatisfying(c -> assertThat(c.phoneVerified()).isTrue());
    }

    @Test
    void answers404ForAnUnknownClient() {
        var response = api().get("/api/v1/clients/nobody-" + ClientBody.freshSubject());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/clients/nobody-x/consents").status()).isEqualTo(404);
    }

    @Test
    void resendingTheSameStateChangesNothing() {
        String subject = ClientBody.freshSubject();
        var body = ClientBody.client().email("ana@example.com").consent("email", true, "signup-form");
        assertThat(put(subject, body).status()).isEqualTo(201);

        var again = put(subject, body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        assertThat(history(subject)).hasSize(1);
    }

    @Test
    void appendsEveryConsentChangeToItsHistoryNewestFirst() {
        String subject = ClientBody.freshSubject();
        Instant before = Instant.now();
        assertThat(put(
                                subject,
                                ClientBody.client()
                                        .email("ana@example.com")
                                        .phone("+31612345678", true)
                                        .consent("email", true, "2026-01-05T10:00:00Z", "signup-form")
                                        .consent("sms", true, "signup-form"))
                        .status())
                .isEqualTo(201);

        var withdrawn = put(
                subject,
                ClientBody.client()
                        .email("ana@example.com")
                        .phone("+31612345678", true)
                        .consent("email", false, "unsubscribe-link")
                        .consent("sms", true, "signup-form"));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.header("ETag")).isEqualTo("\"2\"");
        JsonNode current = withdrawn.json().get("consents");
        assertThat(current.get("email").get("granted").asBoolean()).isFalse();
        assertThat(current.get("email").get("source").asString()).isEqualTo("unsubscribe-link");
        assertThat(current.get("sms").get("granted").asBoolean()).isTrue();
        assertThat(current.get("push").isNull()).isTrue();

        List<JsonNode> history = history(subject);
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("channel").asString()).isEqualTo("email");
        assertThat(history.get(0).get("granted").asBoolean()).isFalse();
        assertThat(history.get(0).get("recordedBy").asString()).startsWith("api_key:");
        Instant defaulted = Instant.parse(history.get(0).get("at").asString());
        assertThat(defaulted).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
        var older = history.subList(1, 3).stream()
                .map(e -> e.get("channel").asString() + ":" + e.get("granted").asBoolean() + "@"
                        + e.get("at").asString())
                .toList();
        assertThat(older).anyMatch(e -> e.equals("email:true@2026-01-05T10:00:00Z"));
        assertThat(older).anyMatch(e -> e.startsWith("sms:true@"));

        var decision = clients.decide(subject, Channel.EMAIL);
        assertThat(decision.refusal()).isEqualTo(ChannelDecision.Refusal.CONSENT_WITHDRAWN);
        assertThat(clients.decide(subject, Channel.SMS).isAllowed()).isTrue();
        assertThat(clients.decide("nobody-" + subject, Channel.SMS).refusal())
                .isEqualTo(ChannelDecision.Refusal.UNKNOWN_CLIENT);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteConsentHistory() {
        String subject = ClientBody.freshSubject();
        assertThat(put(subject, ClientBody.client().email("ana@example.com").consent("email", true, "signup-form"))
                        .status())
                .isEqualTo(201);

        assertThatThrownBy(() -> jdbc.sql("update clients.consent set granted = false where subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("clients.consent is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from clients.consent where subject = ?")
                        .param(subject)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("clients.consent is append-only");
        assertThat(history(subject)).hasSize(1);
    }

    @Test
    void refusesEachInvalidValueWith422NamingItsField() {
        Map<String, ClientBody> cases = new LinkedHashMap<>();
        cases.put("email", ClientBody.client().email("not-an-address"));
        cases.put("phone", ClientBody.client().phone("0612345678", false));
        cases.put("phone ", ClientBody.client().phone("+123", false));
        cases.put("locale", ClientBody.client().set("locale", "de"));
        cases.put("locale ", ClientBody.client().without("locale"));
        cases.put("name", ClientBody.client().set("name", " "));
        cases.put("phoneVerified", ClientBody.client().phoneVerified(true));
        cases.put("pushToken", ClientBody.client().set("pushToken", "has space"));
        cases.put("consents.email.at", ClientBody.client().consent("email", true, "2999-01-01T00:00:00Z", "form"));
        cases.put("consents.sms.at", ClientBody.client().consent("sms", true, "yesterday", "form"));
        cases.put("consents.push.source", ClientBody.client().consent("push", true, ""));

        String subject = ClientBody.freshSubject();
        cases.forEach((field, body) -> {
            var response = put(subject, body);
            assertThat(response.status()).as(field).isEqualTo(422);
            assertThat(response.contentType()).as(field).startsWith("application/problem+json");
            assertThat(fields(response)).as(field + " in " + response.body()).contains(field.trim());
        });

        var noGrant = api().put(
                        "/api/v1/clients/" + subject,
                        """
                {"name":"Ana","locale":"en","consents":{"email":{"source":"form"}}}""");
        assertThat(noGrant.status()).isEqualTo(422);
        assertThat(fields(noGrant)).contains("consents.email.granted");

        var longSubject = put("s".repeat(129), ClientBody.client());
        assertThat(longSubject.status()).isEqualTo(422);
        assertThat(fields(longSubject)).contains("subject");

        assertThat(api().get("/api/v1/clients/" + subject).status())
                .as("nothing was stored by the refused requests")
                .isEqualTo(404);
    }

    @Test
    void honoursIfMatchWith412OnAStaleVersion() {
        String subject = ClientBody.freshSubject();
        assertThat(put(subject, ClientBody.client()).status()).isEqualTo(201);
        assertThat(put(subject, ClientBody.client().set("name", "Second")).status())
                .isEqualTo(200);

        var stale = api().put(
                        "/api/v1/clients/" + subject,
                        ClientBody.client().set("name", "Lost update").json(),
                        "If-Match",
                        "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);

        var current = api().put(
                        "/api/v1/clients/" + subject,
                        ClientBody.client().set("name", "Third").json(),
                        "If-Match",
                        "\"2\"");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
        assertThat(api().get("/api/v1/clients/" + subject).json().get("name").asString())
                .isEqualTo("Third");

        var absent = api().put(
                        "/api/v1/clients/" + ClientBody.freshSubject(),
                        ClientBody.client().json(),
                        "If-Match",
                        "*");
        assertThat(absent.status()).isEqualTo(412);

        var malformed =
                api().put("/api/v1/clients/" + subject, ClientBody.client().json(), "If-Match", "W/\"three\"");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(fields(malformed)).contains("If-Match");
    }

    @Test
    void readingAndWritingNeedTheirOwnPermissions() {
        String subject = ClientBody.freshSubject();
        assertThat(put(subject, ClientBody.client()).status()).isEqualTo(201);

        ApiClient viewer = apiWith("clients:view");
        assertThat(viewer.get("/api/v1/clients/" + subject).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/clients/" + subject + "/consents").status())
                .isEqualTo(200);
        var refusedWrite = viewer.put(
                "/api/v1/clients/" + subject,
                ClientBody.client().set("name", "Changed").json());
        assertThat(refusedWrite.status()).isEqualTo(403);
        assertThat(refusedWrite.json().get("permission").asString()).isEqualTo("clients:manage");

        ApiClient stranger = apiWith("withdrawal:view");
        assertThat(stranger.get("/api/v1/clients/" + subject).status()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/clients/" + subject + "/consents").status())
                .isEqualTo(403);
        assertThat(stranger.get("/api/v1/clients").status()).isEqualTo(403);

        ApiClient manager = apiWith("clients:manage");
        assertThat(manager.put(
                                "/api/v1/clients/" + subject,
                                ClientBody.client().set("name", "Changed").json())
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/clients/" + subject).json().get("name").asString())
                .isEqualTo("Changed");
    }

    @Test
    void pagesThroughClientsBySubject() {
        String prefix = "page-" + ClientBody.freshSubject();
        var mine = List.of(prefix + "-a", prefix + "-b|pipe", prefix + "-c");
        mine.forEach(s -> assertThat(put(s, ClientBody.client()).status()).isEqualTo(201));

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api().get("/api/v1/clients?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            var items = page.json().get("items");
            assertThat(items.size()).isBetween(1, 2);
            items.forEach(item -> seen.add(item.get("subject").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10_000);

        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(seen.stream().filter(s -> s.startsWith(prefix)).toList()).containsExactlyElementsOf(mine);

        assertThat(fields(api().get("/api/v1/clients?limit=0"))).contains("limit");
        assertThat(fields(api().get("/api/v1/clients?cursor=nonsense"))).contains("cursor");
    }

    private ApiClient.Response put(String subject, ClientBody body) {
        return api().put("/api/v1/clients/" + subject.replace("|", "%7C"), body.json());
    }

    private List<JsonNode> history(String subject) {
        var response = api().get("/api/v1/clients/" + subject + "/consents");
        assertThat(response.status()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        var fields = new ArrayList<String>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
