package org.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.support.IntegrationTest;

/**
 * Every query parameter of every list and query the API serves, each given every class of malformed value its
 * kind can meet — empty, a NUL byte, 10,000 characters, percent-encoding that is not UTF-8, the wrong type,
 * limits out of range, dates beyond what PostgreSQL stores, unknown codes, cursors that were never given out — is
 * answered with a 4xx problem, never a 5xx. The cases come from two tables: {@link #ENDPOINTS} (what each endpoint
 * takes) and {@link Kind#malformed} (what each kind of parameter can be given wrongly). An empty value may also mean
 * "no filter", so it may succeed; it must never fail on the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParameterBadInputIntegrationTests extends IntegrationTest {

    /** What a parameter is, and so which wrong values it gets. */
    enum Kind {
        TEXT,
        CURSOR,
        LIMIT,
        BOOLEAN,
        UUID,
        DATE,
        CODE,
        DECIMAL,
        /** A parameter the endpoint does not take: ignored, unless its encoding is broken. */
        UNUSED;

        /** The malformed values of this kind, each as it goes into the query string (already percent-encoded). */
        List<String> malformed() {
            var values = new ArrayList<>(List.of("", "%00", "x".repeat(10_000), "%C3%28", "%FF%FE", "a%00b"));
            switch (this) {
                case CURSOR -> {
                    values.addAll(List.of("not-a-cursor!", "%7C%7C%7C", encoded("\0"), encoded("\0|\0")));
                    for (String time : EXTREME_TIMES) {
                        String id = java.util.UUID.randomUUID().toString();
                        values.addAll(List.of(
                                encoded(time + "|" + id),
                                encoded(time + "|1"),
                                encoded("a1|" + time + "|" + id),
                                encoded("o1|-createdAt|" + time + "|" + id)));
                    }
                }
                case LIMIT -> values.addAll(List.of("-1", "0", "501", "99999999999", "abc", "1.5", "-2147483648"));
                case BOOLEAN -> values.addAll(List.of("maybe", "2"));
                case UUID -> values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g"));
                case DATE -> {
                    values.addAll(List.of("yesterday", "2026-13-45T00:00:00Z"));
                    EXTREME_TIMES.forEach(t -> values.add(t.replace("+", "%2B")));
                }
                case CODE -> values.addAll(List.of("no_such_value", "%E2%80%AE"));
                case DECIMAL -> values.addAll(List.of("abc", "1e999999999", "NaN", "Infinity", "-0x1p3"));
                case UNUSED -> values.remove("");
                default -> {}
            }
            return values;
        }
    }

    /** Beyond PostgreSQL's timestamptz (4713 BC to 294276 AD) or beyond what ISO-8601 writes unsigned. */
    static final List<String> EXTREME_TIMES = List.of(
            java.time.Instant.MAX.toString(),
            java.time.Instant.MIN.toString(),
            "+294277-01-01T00:00:00Z",
            "-4714-11-24T00:00:00Z",
            "+1000000000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z");

    private static final Map<String, Kind> OPERATION_FILTERS = Map.ofEntries(
            Map.entry("type", Kind.TEXT), // an open set (workflows may be added): an unknown one matches nothing
            Map.entry("status", Kind.CODE),
            Map.entry("stage", Kind.TEXT),
            Map.entry("subject", Kind.TEXT),
            Map.entry("assignee", Kind.TEXT),
            Map.entry("unassigned", Kind.BOOLEAN),
            Map.entry("reference", Kind.TEXT),
            Map.entry("q", Kind.TEXT),
            Map.entry("currency", Kind.CODE),
            Map.entry("amountMin", Kind.DECIMAL),
            Map.entry("amountMax", Kind.DECIMAL),
            Map.entry("createdFrom", Kind.DATE),
            Map.entry("createdTo", Kind.DATE),
            Map.entry("updatedFrom", Kind.DATE),
            Map.entry("updatedTo", Kind.DATE),
            Map.entry("sort", Kind.CODE));

    private static final Map<String, Kind> PAGE = Map.of("cursor", Kind.CURSOR, "limit", Kind.LIMIT);

    /** Every endpoint that takes query parameters, with what each parameter is. {@code {webhook}}: a real one. */
    static final Map<String, Map<String, Kind>> ENDPOINTS = ordered(
            Map.entry("/api/v1/operations", with(PAGE, OPERATION_FILTERS)),
            Map.entry("/api/v1/exports/operations.csv", with(OPERATION_FILTERS, csvOptions())),
            Map.entry("/api/v1/exports", PAGE),
            Map.entry(
                    "/api/v1/approvals",
                    with(
                            PAGE,
                            Map.of(
                                    "state", Kind.CODE,
                                    "type", Kind.TEXT,
                                    "mine", Kind.BOOLEAN,
                                    "waitingForMe", Kind.BOOLEAN))),
            Map.entry("/api/v1/operators", with(PAGE, Map.of("includeDeleted", Kind.BOOLEAN))),
            Map.entry("/api/v1/roles", Map.of("cursor", Kind.UNUSED, "limit", Kind.UNUSED)),
            Map.entry("/api/v1/api-keys", PAGE),
            Map.entry(
                    "/api/v1/audit/security",
                    with(
                            PAGE,
                            Map.of(
                                    "kind", Kind.TEXT, // kinds as recorded; an unknown one matches nothing
                                    "actor", Kind.TEXT,
                                    "target", Kind.TEXT,
                                    "ip", Kind.TEXT,
                                    "from", Kind.DATE,
                                    "to", Kind.DATE))),
            Map.entry("/api/v1/clients", PAGE),
            Map.entry("/api/v1/webhooks", PAGE),
            Map.entry("/api/v1/webhooks/{webhook}/deliveries", with(PAGE, Map.of("state", Kind.CODE))),
            Map.entry(
                    "/api/v1/notifications",
                    with(PAGE, Map.of("operationId", Kind.UUID, "channel", Kind.CODE, "state", Kind.CODE))),
            Map.entry("/api/v1/reports/dashboard", Map.of("from", Kind.UNUSED)),
            Map.entry("/api/v1/persons", with(PAGE, Map.of("name", Kind.TEXT, "documentNumber", Kind.TEXT))),
            Map.entry("/api/v1/companies", with(PAGE, Map.of("name", Kind.TEXT, "documentNumber", Kind.TEXT))),
            Map.entry(
                    "/api/v1/accounts",
                    with(
                            PAGE,
                            Map.of(
                                    "status", Kind.CODE,
                                    "kind", Kind.CODE,
                                    "holder", Kind.UUID,
                                    "planCode", Kind.TEXT,
                                    "q", Kind.TEXT))),
            Map.entry("/api/v1/accounts/{account}/documents", PAGE),
            Map.entry("/api/v1/registry/search", Map.of("q", Kind.TEXT)),
            Map.entry("/api/v1/registry/deleted", with(PAGE, Map.of("kind", Kind.CODE))));

    private String webhook;

    private String account;

    @org.springframework.beans.factory.annotation.Autowired
    java.util.List<org.opsdesk.actions.ActionHandler> actionHandlers;

    @org.springframework.beans.factory.annotation.Autowired
    java.util.List<org.opsdesk.actions.ActionTargets> actionTargets;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @BeforeAll
    void aRegistryAccount() {
        var registry = new org.opsdesk.support.RegistryActions(actionHandlers, actionTargets, transactions);
        account = registry.personalAccount(registry.person("Bad Input"));
    }

    @BeforeAll
    void aWebhookEndpoint() {
        var created = api().post(
                        "/api/v1/webhooks",
                        "{\"url\":\"https://93.184.215.14/hooks/bad-input\",\"description\":\"bad input\","
                                + "\"eventTypes\":[\"operation.status_changed\"],\"enabled\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        webhook = created.json().get("id").asString();
    }

    record Case(String path, String parameter, String value) {
        @Override
        public String toString() {
            String shown = value.length() > 60 ? value.substring(0, 30) + "…(" + value.length() + ")" : value;
            return path + "?" + parameter + "=" + shown;
        }
    }

    Stream<Case> cases() {
        return ENDPOINTS.entrySet().stream().flatMap(endpoint -> endpoint.getValue().entrySet().stream()
                .flatMap(parameter -> parameter.getValue().malformed().stream()
                        .map(value -> new Case(endpoint.getKey(), parameter.getKey(), value))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAProblemNeverAServerError(Case c) {
        String path = c.path().replace("{webhook}", webhook).replace("{account}", account);

        var response = api().get(path + "?" + c.parameter() + "=" + c.value());

        String what = c + " answered " + response.status() + " " + response.contentType() + ": " + response.body();
        assertThat(response.status()).as(what).isLessThan(500);
        if (!c.value().isEmpty() || response.status() >= 400) {
            assertThat(response.status()).as(what).isBetween(400, 499);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        }
    }

    private static String encoded(String cursorText) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursorText.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Kind> csvOptions() {
        return Map.of("bom", Kind.BOOLEAN, "separator", Kind.CODE);
    }

    @SafeVarargs
    private static Map<String, Map<String, Kind>> ordered(Map.Entry<String, Map<String, Kind>>... endpoints) {
        var all = new java.util.LinkedHashMap<String, Map<String, Kind>>();
        for (var endpoint : endpoints) {
            all.put(endpoint.getKey(), endpoint.getValue());
        }
        return all;
    }

    @SafeVarargs
    private static Map<String, Kind> with(Map<String, Kind>... parts) {
        var all = new java.util.LinkedHashMap<String, Kind>();
        for (var part : parts) {
            all.putAll(part);
        }
        return all;
    }
}
