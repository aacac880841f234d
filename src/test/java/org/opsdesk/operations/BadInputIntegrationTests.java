package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

/**
 * Bad input of every kind the API can meet — broken syntax, wrong JSON types, values out of range, oversized
 * bodies, bad encodings, unknown codes, malformed ids and headers, missing permissions — is refused with the
 * right 4xx status as an RFC 9457 problem naming the offending field, and nothing is half-written.
 *
 * <p>Paths may hold {@code {id}}, one operation shared by the read-only cases, or {@code {fresh}}, an operation
 * created for that case alone (for requests that would change it if the server let them through).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIntegrationTests extends IntegrationTest {

    /** References of every create request in the table start with this, so none may exist afterwards. */
    private static final String REFERENCE_PREFIX = "bad-input-" + UUID.randomUUID() + "-";

    private static final AtomicInteger REFERENCES = new AtomicInteger();
    private static final Set<UUID> OPERATIONS_USED = ConcurrentHashMap.newKeySet();
    private static volatile @Nullable String sharedId;

    /** Test-only pseudo header: the permissions of the key to call with, or empty for no Authorization at all. */
    private static final String KEY = "X-Test-Key";
    /** Test-only pseudo header: send the body chunked, without Content-Length. */
    private static final String CHUNKED = "X-Test-Chunked";

    private static final String OPERATIONS = "/api/v1/operations";
    private static final String JSON = "application/json";
    private static final int LIMIT = 262_144;

    record Case(
            String name,
            String category,
            String method,
            String path,
            byte @Nullable [] body,
            String[] headers,
            int expectedStatus,
            @Nullable String expectedField) {

        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    static List<Case> cases() {
        var cases = new ArrayList<Case>();

        // syntax: the body is not a JSON object at all -> 400
        String valid = withdrawal().json();
        cases.add(creation("syntax", "malformed JSON (unquoted value)", "{\"type\": withdrawal}", 400, null));
        cases.add(creation("syntax", "truncated JSON", valid.substring(0, valid.length() / 2), 400, null));
        cases.add(creation(
                "syntax", "trailing garbage after the object", withdrawal().json() + " garbage", 400, null));
        cases.add(creation(
                "syntax", "a second object after the first", withdrawal().json() + "{}", 400, null));
        cases.add(creation("syntax", "empty body", "", 400, null));
        cases.add(creation("syntax", "JSON null instead of an object", "null", 400, null));
        cases.add(creation(
                "syntax", "JSON array instead of an object", "[" + withdrawal().json() + "]", 400, null));
        cases.add(creation("syntax", "non-JSON text", "type=withdrawal&reference=" + ref(), 400, null));
        cases.add(creation(
                "syntax", "single-quoted JSON", "{'type':'withdrawal','reference':'" + ref() + "'}", 400, null));
        cases.add(creation(
                "syntax", "comment inside JSON", "/* note */ " + withdrawal().json(), 400, null));

        // types: well-formed JSON with the wrong JSON type in a field -> 400 naming it (422 where any JSON is taken)
        cases.add(creation("types", "amount.value as a number", amountJson("12.5", "\"EUR\""), 400, "amount.value"));
        cases.add(creation("types", "amount.value as an integer", amountJson("250", "\"EUR\""), 400, "amount.value"));
        cases.add(creation(
                "types", "amount.currency as a number", amountJson("\"250.00\"", "978"), 400, "amount.currency"));
        cases.add(creation(
                "types",
                "reference as a number",
                body("\"type\":\"withdrawal\",\"reference\":123,\"subject\":\"s-1\""),
                400,
                "reference"));
        cases.add(creation(
                "types",
                "type as an object",
                body("\"type\":{\"code\":\"withdrawal\"},\"reference\":\"" + ref() + "\",\"subject\":\"s-1\""),
                400,
                "type"));
        cases.add(creation(
                "types",
                "subject as a boolean",
                body("\"type\":\"withdrawal\",\"reference\":\"" + ref() + "\",\"subject\":true"),
                400,
                "subject"));
        cases.add(creation(
                "types",
                "amount as a string",
                body("\"type\":\"withdrawal\",\"reference\":\"" + ref()
                        + "\",\"subject\":\"s-1\",\"amount\":\"250.00 EUR\""),
                400,
                "amount"));
        cases.add(creation(
                "types",
                "attributes as a string",
                withdrawal().attributes("\"iban=NL91\"").json(),
                422,
                "attributes"));
        cases.add(creation(
                "types",
                "attributes as an array",
                withdrawal().attributes("[{\"iban\":\"NL91\"}]").json(),
                422,
                "attributes"));
        cases.add(post(
                "types",
                "transition target as an array",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":[\"under_review\"]}",
                400,
                "to"));
        cases.add(send(
                "types",
                "merge patch with attributes as a number",
                "PATCH",
                "/api/v1/operations/{fresh}",
                "{\"attributes\":5}",
                422,
                "attributes",
                "Content-Type",
                "application/merge-patch+json"));

        // ranges: the right type but a value outside what is allowed -> 422 naming the field
        cases.add(creation(
                "ranges", "zero amount", withdrawal().amount("0.00", "EUR").json(), 422, "amount.value"));
        cases.add(creation(
                "ranges",
                "negative amount",
                withdrawal().amount("-10.00", "EUR").json(),
                422,
                "amount.value"));
        cases.add(creation(
                "ranges",
                "three decimals for EUR",
                withdrawal().amount("12.345", "EUR").json(),
                422,
                "amount.value"));
        cases.add(creation(
                "ranges",
                "decimals for JPY (0 digits)",
                withdrawal().amount("100.5", "JPY").json(),
                422,
                "amount.value"));
        cases.add(creation(
                "ranges",
                "nine decimals for BTC (8 digits)",
                withdrawal().amount("0.000000001", "BTC").json(),
                422,
                "amount.value"));
        cases.add(creation(
                "ranges",
                "amount in exponent notation",
                withdrawal().amount("1e3", "EUR").json(),
                422,
                "amount.value"));
        // a number beyond PostgreSQL numeric range is refused per field, not left to the database
        cases.add(creation(
                "ranges",
                "attribute number beyond PostgreSQL numeric",
                withdrawal().attributes("{\"fee\":1e999999999}").json(),
                422,
                "attributes.fee"));
        cases.add(get("ranges", "limit=0", OPERATIONS + "?limit=0", 422, "limit"));
        cases.add(get("ranges", "limit=501", OPERATIONS + "?limit=501", 422, "limit"));
        cases.add(get("ranges", "limit not a number", OPERATIONS + "?limit=ten", 400, "limit"));
        cases.add(get("ranges", "amountMin not a number", OPERATIONS + "?amountMin=ten", 422, "amountMin"));
        cases.add(get(
                "ranges", "createdFrom not a timestamp", OPERATIONS + "?createdFrom=yesterday", 422, "createdFrom"));
        // a time beyond PostgreSQL timestamptz range is refused per field
        cases.add(get(
                "ranges",
                "createdFrom beyond PostgreSQL's range",
                OPERATIONS + "?createdFrom=%2B999999-01-01T00:00:00Z",
                422,
                "createdFrom"));
        cases.add(get("ranges", "unknown sort", OPERATIONS + "?sort=amount", 422, "sort"));

        // sizes: fields, attributes and whole bodies past their limits
        cases.add(creation(
                "sizes",
                "reference of 129 characters",
                withdrawal().reference(REFERENCE_PREFIX + "x".repeat(129)).json(),
                422,
                "reference"));
        cases.add(creation(
                "sizes",
                "subject of 129 characters",
                withdrawal().subject("s".repeat(129)).json(),
                422,
                "subject"));
        cases.add(post(
                "sizes",
                "reason of 2001 characters",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\",\"reason\":\"" + "r".repeat(2001) + "\"}",
                422,
                "reason"));
        cases.add(post(
                "sizes",
                "comment of 4001 characters",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\",\"comment\":\"" + "c".repeat(4001) + "\"}",
                422,
                "comment"));
        cases.add(creation(
                "sizes",
                "attributes over 16 KiB",
                withdrawal()
                        .attributes("{\"pad\":\"" + "a".repeat(17 * 1024) + "\"}")
                        .json(),
                422,
                "attributes"));
        cases.add(creation(
                "sizes",
                "attributes nested 2000 deep",
                withdrawal()
                        .attributes("{\"a\":".repeat(2000) + "1" + "}".repeat(2000))
                        .json(),
                400,
                null));
        String huge = withdrawal()
                .attributes("{\"pad\":\"" + "a".repeat(LIMIT + 1000) + "\"}")
                .json();
        cases.add(creation("sizes", "body over 256 KiB with Content-Length", huge, 413, null));
        cases.add(send(
                "sizes",
                "body over 256 KiB chunked",
                "POST",
                OPERATIONS,
                withdrawal()
                        .attributes("{\"pad\":\"" + "a".repeat(LIMIT + 1000) + "\"}")
                        .json(),
                413,
                null,
                "Content-Type",
                JSON,
                CHUNKED,
                "true"));

        // encodings: bytes that are not UTF-8, characters that are not text, media types that are not JSON
        cases.add(new Case(
                "invalid UTF-8 bytes in a string",
                "encodings",
                "POST",
                OPERATIONS,
                concat(
                        "{\"type\":\"withdrawal\",\"reference\":\"" + ref(),
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\",\"subject\":\"s-1\"}"),
                new String[] {"Content-Type", JSON},
                400,
                null));
        cases.add(new Case(
                "a lone 0xFF byte",
                "encodings",
                "POST",
                OPERATIONS,
                concat(
                        "{\"type\":\"withdrawal\",\"reference\":\"" + ref(),
                        new byte[] {(byte) 0xFF},
                        "\",\"subject\":\"s-1\"}"),
                new String[] {"Content-Type", JSON},
                400,
                null));
        cases.add(creation(
                "encodings",
                "escaped control character in reference",
                withdrawal().reference(ref() + "\\u0007").json(),
                422,
                "reference"));
        cases.add(creation(
                "encodings",
                "raw control character inside a JSON string",
                withdrawal().reference(ref() + "\u0001").json(),
                400,
                null));
        cases.add(creation(
                "encodings", "NUL in subject", withdrawal().subject("s\\u0000").json(), 422, "subject"));
        cases.add(post(
                "encodings",
                "NUL in reason",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"cancelled\",\"reason\":\"dup\\u0000licate\"}",
                422,
                "reason"));
        // PostgreSQL text cannot hold NUL: refused per field
        cases.add(post(
                "encodings",
                "NUL in comment",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\",\"comment\":\"see\\u0000note\"}",
                422,
                "comment"));
        // PostgreSQL jsonb cannot hold NUL: refused per field
        cases.add(creation(
                "encodings",
                "NUL in an attribute value",
                withdrawal().attributes("{\"note\":\"a\\u0000b\"}").json(),
                422,
                "attributes.note"));
        // filter text is checked before it reaches PostgreSQL
        cases.add(get("encodings", "NUL in the subject filter", OPERATIONS + "?subject=a%00b", 422, "subject"));
        cases.add(send(
                "encodings",
                "Content-Type text/plain",
                "POST",
                OPERATIONS,
                withdrawal().json(),
                415,
                null,
                "Content-Type",
                "text/plain"));
        cases.add(new Case(
                "no Content-Type",
                "encodings",
                "POST",
                OPERATIONS,
                utf8(withdrawal().json()),
                new String[0],
                415,
                null));
        cases.add(send(
                "encodings",
                "merge patch as text/plain",
                "PATCH",
                "/api/v1/operations/{fresh}",
                "{\"attributes\":{}}",
                415,
                null,
                "Content-Type",
                "text/plain"));
        cases.add(creation(
                "encodings",
                "unknown field",
                body("\"type\":\"withdrawal\",\"reference\":\"" + ref() + "\",\"subject\":\"s-1\",\"colour\":\"red\""),
                400,
                "colour"));
        cases.add(creation(
                "encodings",
                "unknown field inside amount",
                amountJson("\"250.00\"", "\"EUR\",\"scale\":2"),
                400,
                "amount.scale"));

        // unknown codes: well-formed codes that name nothing
        cases.add(creation(
                "unknown codes",
                "unknown operation type",
                Operations.of("teleportation").reference(ref()).json(),
                422,
                "type"));
        cases.add(post(
                "unknown codes",
                "unknown target stage",
                "/api/v1/operations/{id}/transitions",
                "{\"to\":\"teleported\"}",
                422,
                "to"));
        cases.add(get("unknown codes", "unknown status filter", OPERATIONS + "?status=DONE", 422, "status"));
        cases.add(get("unknown codes", "stage filter not a code", OPERATIONS + "?stage=Under-Review", 422, "stage"));
        cases.add(get("unknown codes", "type filter not a code", OPERATIONS + "?type=Withdrawal", 422, "type"));
        cases.add(get("unknown codes", "type no workflow declares", OPERATIONS + "?type=teleportation", 422, "type"));
        cases.add(creation(
                "unknown codes",
                "unknown currency XYZ",
                withdrawal().amount("10.00", "XYZ").json(),
                422,
                "amount.currency"));
        // Currencies.parse takes codes as given: [A-Z][A-Z0-9]{2,9}, so lowercase is refused, not upper-cased.
        cases.add(creation(
                "unknown codes",
                "lowercase currency eur",
                withdrawal().amount("10.00", "eur").json(),
                422,
                "amount.currency"));
        cases.add(creation(
                "unknown codes",
                "currency without a minor unit (XAU)",
                withdrawal().amount("1", "XAU").json(),
                422,
                "amount.currency"));
        cases.add(get("unknown codes", "unknown workflow", "/api/v1/workflows/teleportation", 404, null));

        // ids: malformed and unknown ids in paths, forged cursors
        cases.add(get("ids", "malformed UUID: get", OPERATIONS + "/not-a-uuid", 400, "id"));
        cases.add(post(
                "ids",
                "malformed UUID: transition",
                OPERATIONS + "/not-a-uuid/transitions",
                "{\"to\":\"under_review\"}",
                400,
                "id"));
        cases.add(
                get("ids", "malformed UUID: available transitions", OPERATIONS + "/not-a-uuid/transitions", 400, "id"));
        cases.add(get("ids", "malformed UUID: history", OPERATIONS + "/not-a-uuid/history", 400, "id"));
        cases.add(get("ids", "malformed UUID: verify", OPERATIONS + "/not-a-uuid/history/verify", 400, "id"));
        UUID nobody = UUID.randomUUID();
        cases.add(get("ids", "nonexistent id: get", OPERATIONS + "/" + nobody, 404, null));
        cases.add(post(
                "ids",
                "nonexistent id: transition",
                OPERATIONS + "/" + nobody + "/transitions",
                "{\"to\":\"under_review\"}",
                404,
                null));
        cases.add(get("ids", "nonexistent id: history", OPERATIONS + "/" + nobody + "/history", 404, null));
        cases.add(get("ids", "cursor not base64", OPERATIONS + "?cursor=!!!", 422, "cursor"));
        cases.add(get("ids", "cursor of garbage", OPERATIONS + "?cursor=garbage", 422, "cursor"));
        cases.add(get(
                "ids",
                "cursor of another sort",
                OPERATIONS + "?cursor=" + cursor("v1|createdAt|2026-01-01T00:00:00Z|" + nobody),
                422,
                "cursor"));
        cases.add(get(
                "ids",
                "cursor with a malformed id",
                OPERATIONS + "?cursor=" + cursor("v1|-createdAt|2026-01-01T00:00:00Z|nobody"),
                422,
                "cursor"));
        // a forged cursor time beyond range is refused like any foreign cursor
        cases.add(get(
                "ids",
                "cursor with a time beyond PostgreSQL's range",
                OPERATIONS + "?cursor=" + cursor("v1|-createdAt|+999999-01-01T00:00:00Z|" + nobody),
                422,
                "cursor"));

        // headers: authentication, preconditions, idempotency keys, content negotiation
        cases.add(get("headers", "no Authorization", OPERATIONS + "/{id}", 401, null, KEY, ""));
        cases.add(
                get("headers", "Basic instead of Bearer", OPERATIONS + "/{id}", 401, null, "Authorization", "Basic x"));
        cases.add(get(
                "headers",
                "unknown bearer key",
                OPERATIONS + "/{id}",
                401,
                null,
                "Authorization",
                "Bearer opk_no_such_key"));
        cases.add(get("headers", "Bearer without a key", OPERATIONS + "/{id}", 401, null, "Authorization", "Bearer"));
        cases.add(post(
                "headers",
                "malformed If-Match",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\"}",
                422,
                "If-Match",
                "If-Match",
                "version-one"));
        cases.add(post(
                "headers",
                "If-Match with 19 digits",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\"}",
                422,
                "If-Match",
                "If-Match",
                "\"1234567890123456789\""));
        cases.add(send(
                "headers",
                "malformed If-Match on a merge patch",
                "PATCH",
                "/api/v1/operations/{fresh}",
                "{\"attributes\":{\"a\":1}}",
                422,
                "If-Match",
                "Content-Type",
                "application/merge-patch+json",
                "If-Match",
                "one"));
        cases.add(post(
                "headers",
                "stale If-Match on a fresh operation",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"under_review\"}",
                412,
                null,
                "If-Match",
                "\"7\""));
        cases.add(creation(
                "headers",
                "Idempotency-Key of 256 characters",
                withdrawal().json(),
                400,
                "Idempotency-Key",
                "Idempotency-Key",
                "k".repeat(256)));
        cases.add(creation(
                "headers",
                "Idempotency-Key with a space",
                withdrawal().json(),
                400,
                "Idempotency-Key",
                "Idempotency-Key",
                "my key"));
        cases.add(
                get("headers", "Accept application/xml", OPERATIONS + "/{id}", 406, null, "Accept", "application/xml"));

        // auth: a valid key without the permission
        cases.add(creation(
                "auth", "create without withdrawal:create", withdrawal().json(), 403, null, KEY, "withdrawal:view"));
        cases.add(post(
                "auth",
                "transition without its permission",
                "/api/v1/operations/{fresh}/transitions",
                "{\"to\":\"cancelled\",\"reason\":\"client asked\"}",
                403,
                null,
                KEY,
                "withdrawal:view"));
        cases.add(send(
                "auth",
                "assign without withdrawal:assign",
                "PUT",
                "/api/v1/operations/{fresh}/assignee",
                "{\"assignee\":\"ann\"}",
                403,
                null,
                "Content-Type",
                JSON,
                KEY,
                "withdrawal:view"));
        cases.add(get(
                "auth", "workflows without workflows:view", "/api/v1/workflows", 403, null, KEY, "withdrawal:view"));
        cases.add(get(
                "auth",
                "operation of a type the key may not view",
                OPERATIONS + "/{id}",
                404,
                null,
                KEY,
                "deposit:view"));

        // routing: methods and paths the API does not have
        cases.add(send("routing", "DELETE an operation", "DELETE", OPERATIONS + "/{id}", null, 405, null));
        cases.add(get("routing", "unknown API path", "/api/v1/teleporters", 404, null));
        return cases;
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void refusesBadInputWithAProblem(Case c) {
        var response = call(c);

        String seen = c.method() + " " + c.path() + " -> " + response.status() + " " + response.contentType() + " "
                + abbreviate(response.body());
        var softly = new SoftAssertions();
        softly.assertThat(response.status()).as("status of " + seen).isEqualTo(c.expectedStatus());
        softly.assertThat(response.status()).as("no server error: " + seen).isLessThan(500);
        softly.assertThat(response.contentType())
                .as("problem media type: " + seen)
                .startsWith("application/problem+json");
        if (response.contentType() != null && response.contentType().contains("json")) {
            var problem = response.json();
            softly.assertThat(problem.hasNonNull("title")).as("title: " + seen).isTrue();
            softly.assertThat(problem.path("status").asInt(-1))
                    .as("status member: " + seen)
                    .isEqualTo(response.status());
            // every refusal, Spring's own (404, 405, 406, 415) included, carries a type of ours
            softly.assertThat(problem.path("type").asString(""))
                    .as("type: " + seen)
                    .startsWith("urn:opsdesk:problem:");
            if (c.expectedField() != null) {
                softly.assertThat(problem.path("errors").valueStream().map(e -> e.path("field")
                                .asString("")))
                        .as("errors[].field: " + seen)
                        .contains(c.expectedField());
            }
        }
        softly.assertAll();
    }

    @Order(2)
    @Test
    void leavesNothingHalfWrittenAfterRefusals() {
        long created = jdbc.sql("select count(*) from operations.operation where reference like ?")
                .param(REFERENCE_PREFIX + "%")
                .query(Long.class)
                .single();
        assertThat(created).as("operations created by refused requests").isZero();

        var ids = OPERATIONS_USED.stream().map(UUID::toString).toArray(String[]::new);
        long changed = jdbc.sql("select count(*) from operations.operation where id = any(?::uuid[]) and version <> 1")
                .param(ids)
                .query(Long.class)
                .single();
        long entries = jdbc.sql("select count(*) from operations.history_entry where operation_id = any(?::uuid[])")
                .param(ids)
                .query(Long.class)
                .single();
        assertThat(changed).as("operations changed by refused requests").isZero();
        assertThat(entries).as("history entries besides 'created'").isEqualTo(ids.length);
    }

    private ApiClient.Response call(Case c) {
        String path = c.path();
        if (path.contains("{id}")) {
            path = path.replace("{id}", sharedOperation());
        }
        if (path.contains("{fresh}")) {
            path = path.replace("{fresh}", freshOperation());
        }
        ApiClient client = api();
        boolean chunked = false;
        var headers = new ArrayList<String>();
        for (int i = 0; i < c.headers().length; i += 2) {
            String name = c.headers()[i];
            String value = c.headers()[i + 1];
            if (name.equals(KEY)) {
                client = value.isEmpty() ? new ApiClient("http://127.0.0.1:" + port, null) : apiWith(value.split(","));
            } else if (name.equals(CHUNKED)) {
                chunked = true;
            } else {
                headers.add(name);
                headers.add(value);
            }
        }
        byte[] body = c.body();
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        return client.send(client.request(path, headers.toArray(String[]::new)).method(c.method(), publisher));
    }

    private String sharedOperation() {
        String id = sharedId;
        if (id == null) {
            synchronized (BadInputIntegrationTests.class) {
                id = sharedId;
                if (id == null) {
                    id = freshOperation();
                    sharedId = id;
                }
            }
        }
        return id;
    }

    private String freshOperation() {
        String id = create(Operations.withdrawal()).get("id").asString();
        OPERATIONS_USED.add(UUID.fromString(id));
        return id;
    }

    private static Case creation(
            String category, String name, String body, int status, @Nullable String field, String... headers) {
        return send(category, name, "POST", OPERATIONS, body, status, field, with(headers, "Content-Type", JSON));
    }

    private static Case post(
            String category,
            String name,
            String path,
            String body,
            int status,
            @Nullable String field,
            String... headers) {
        return send(category, name, "POST", path, body, status, field, with(headers, "Content-Type", JSON));
    }

    private static Case get(
            String category, String name, String path, int status, @Nullable String field, String... headers) {
        return send(category, name, "GET", path, null, status, field, headers);
    }

    private static Case send(
            String category,
            String name,
            String method,
            String path,
            @Nullable String body,
            int status,
            @Nullable String field,
            String... headers) {
        return new Case(name, category, method, path, body == null ? null : utf8(body), headers, status, field);
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    /** A valid withdrawal with a reference only this run uses. */
    private static Operations withdrawal() {
        return Operations.withdrawal().reference(ref());
    }

    private static String ref() {
        return REFERENCE_PREFIX + REFERENCES.incrementAndGet();
    }

    private static String body(String members) {
        return "{" + members + "}";
    }

    private static String amountJson(String value, String currency) {
        return body("\"type\":\"withdrawal\",\"reference\":\"" + ref() + "\",\"subject\":\"s-1\",\"amount\":{\"value\":"
                + value + ",\"currency\":" + currency + "}");
    }

    private static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(position));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] raw, String after) {
        byte[] head = utf8(before);
        byte[] tail = utf8(after);
        byte[] all = Arrays.copyOf(head, head.length + raw.length + tail.length);
        System.arraycopy(raw, 0, all, head.length, raw.length);
        System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
        return all;
    }

    private static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
