package org.opsdesk.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/** The CSV export over real HTTP, read back with the CSV library; its audit read back through the list API. */
class ExportIntegrationTests extends IntegrationTest {

    private static final String CSV = "/api/v1/exports/operations.csv";

    @Test
    void exportsExactlyTheOperationsTheFilterMatchesWithEveryColumn() {
        String subject = unique("exp");
        var first = Operations.withdrawal().subject(subject).amount("1234.50", "EUR");
        var second = Operations.withdrawal().subject(subject).attributes("{\"iban\":\"DE89370400440532013000\"}");
        String firstId = create(first).get("id").asString();
        create(second);
        create(Operations.withdrawal().subject(unique("other")));

        var response = api().get(CSV + "?subject=" + subject);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(response.header("content-disposition"))
                .matches("attachment; filename=\"operations-\\d{8}T\\d{6}Z\\.csv\"");
        var csv = ExportedCsv.parse(response.body(), ',');
        assertThat(csv.bom()).isFalse();
        assertThat(csv.header())
                .containsExactly(
                        "id",
                        "type",
                        "reference",
                        "status",
                        "stage",
                        "subject",
                        "amount",
                        "currency",
                        "assignee",
                        "created_at",
                        "updated_at",
                        "due_at",
                        "version",
                        "attributes");
        assertThat(csv.column("reference")).containsExactlyInAnyOrder(first.reference(), second.reference());
        var row = csv.byReference(first.reference()).orElseThrow();
        assertThat(row)
                .containsEntry("id", firstId)
                .containsEntry("type", "withdrawal")
                .containsEntry("status", "PENDING")
                .containsEntry("subject", subject)
                .containsEntry("amount", "1234.50")
                .containsEntry("currency", "EUR")
                .containsEntry("assignee", "")
                .containsEntry("version", "1")
                .containsEntry("attributes", "{}");
        assertThat(row.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(csv.byReference(second.reference()).orElseThrow().get("attributes"))
                .isEqualTo("{\"iban\": \"DE89370400440532013000\"}");
    }

    @Test
    void neutralisesFormulaLikeTextSoSpreadsheetsShowItAsText() {
        String subject = "@" + unique("sum");
        String id = UUID.randomUUID().toString().substring(0, 8);
        var hyperlink =
                Operations.withdrawal().subject(subject).reference("=HYPERLINK(http://evil.example/" + id + ")");
        var plus = Operations.withdrawal().subject(subject).reference("+1-" + id);
        var minus = Operations.withdrawal().subject(subject).reference("-2+3-" + id);
        var attribute = Operations.withdrawal().subject(subject).attributes("{\"note\":\"=1+2\"}");
        for (var operation : new Operations[] {hyperlink, plus, minus, attribute}) {
            create(operation);
        }

        var csv =
                ExportedCsv.parse(api().get(CSV + "?subject=" + encode(subject)).body(), ',');

        assertThat(csv.rows()).hasSize(4);
        assertThat(csv.column("reference"))
                .contains("'" + hyperlink.reference(), "'" + plus.reference(), "'" + minus.reference());
        assertThat(csv.column("subject")).containsOnly("'" + subject);
        // the attributes cell is a JSON object: it starts with '{', which no spreadsheet reads as a formula
        assertThat(csv.byReference(attribute.reference()).orElseThrow().get("attributes"))
                .isEqualTo("{\"note\": \"=1+2\"}");
    }

    @Test
    void writesAByteOrderMarkAndSemicolonsForSpreadsheetsWhenAsked() {
        String subject = unique("bom");
        var operation = Operations.withdrawal().subject(subject).reference("R;1-" + UUID.randomUUID());
        create(operation);

        var response = api().get(CSV + "?subject=" + subject + "&bom=true&separator=%3B");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("\uFEFFid;type;reference;");
        var csv = ExportedCsv.parse(response.body(), ';');
        assertThat(csv.bom()).isTrue();
        assertThat(csv.column("reference")).containsExactly(operation.reference());
        assertThat(csv.rows().get(0)).containsEntry("amount", "250.00");
    }

    @Test
    void auditsEachExportWithWhoTheFilterAndTheRowCount() {
        String subject = unique("audit");
        create(Operations.withdrawal().subject(subject));
        create(Operations.withdrawal().subject(subject));
        var exporter = apiWith("exports:run", "withdrawal:view");

        var response = exporter.get(CSV + "?subject=" + subject + "&status=PENDING&separator=%3B");
        String exportId = response.header("x-export-id");

        assertThat(response.status()).isEqualTo(200);
        JsonNode own = find(exporter, exportId);
        assertThat(own.get("actorKind").asString()).isEqualTo("api_key");
        assertThat(own.get("channel").asString()).isEqualTo("api");
        assertThat(own.get("filter").asString()).isEqualTo("status=PENDING&subject=" + subject);
        assertThat(own.get("separator").asString()).isEqualTo(";");
        assertThat(own.get("bom").asBoolean()).isFalse();
        assertThat(own.get("outcome").asString()).isEqualTo("completed");
        assertThat(own.get("rows").asLong()).isEqualTo(2);
        assertThat(own.get("bytes").asLong()).isEqualTo(response.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(find(api(), exportId).get("actorId").asString())
                .as("exports:audit lists everyone's exports")
                .isEqualTo(own.get("actorId").asString());
        var otherExporter = apiWith("exports:run", "withdrawal:view");
        assertThat(otherExporter
                        .get("/api/v1/exports?limit=500")
                        .json()
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("id").asString()))
                .as("without exports:audit, a caller lists only their own exports")
                .doesNotContain(exportId);
    }

    @Test
    void refusesCallersWithoutTheExportPermission() {
        var reader = apiWith("withdrawal:view");

        assertThat(reader.get(CSV).status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/exports").status()).isEqualTo(403);
    }

    @Test
    void exportsOnlyTheTypesTheCallerMayView() {
        String subject = unique("types");
        var withdrawal = Operations.withdrawal().subject(subject);
        var deposit = Operations.of("deposit").subject(subject).amount("10.00", "EUR");
        create(withdrawal);
        create(deposit);

        var csv = ExportedCsv.parse(
                apiWith("exports:run", "withdrawal:view")
                        .get(CSV + "?subject=" + subject)
                        .body(),
                ',');
        var everything =
                ExportedCsv.parse(api().get(CSV + "?subject=" + subject).body(), ',');

        assertThat(csv.column("reference")).containsExactly(withdrawal.reference());
        assertThat(everything.column("reference"))
                .containsExactlyInAnyOrder(withdrawal.reference(), deposit.reference());
        assertThat(ExportedCsv.parse(
                                apiWith("exports:run")
                                        .get(CSV + "?subject=" + subject)
                                        .body(),
                                ',')
                        .rows())
                .as("exports:run alone shows no operation")
                .isEmpty();
    }

    @Test
    void refusesABadFilterWithAProblemBeforeSendingAnyCsv() {
        for (String query :
                new String[] {"amountMin=lots", "createdFrom=yesterday", "status=DONE", "separator=%7C", "bom=yes"}) {
            var response = api().get(CSV + "?" + query);

            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
            assertThat(response.header("x-export-id"))
                    .as("no export was started for " + query)
                    .isNull();
        }
    }

    private JsonNode find(ApiClient client, String exportId) {
        var list = client.get("/api/v1/exports?limit=500");
        assertThat(list.status()).isEqualTo(200);
        return list.json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("id").asString().equals(exportId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("export " + exportId + " is not listed: " + list.body()));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
