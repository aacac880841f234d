package org.opsdesk.banking.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.support.IntegrationTest;

/** A bank's CSV mapping saved, listed and read over HTTP, refused field by field, and used to import its CSV. */
class StatementMappingsIntegrationTests extends IntegrationTest {

    private static final String PATH = "/api/v1/exchange/statement-mappings";

    @Test
    void savesAMappingAndImportsTheBanksCsvThroughIt() {
        var cashier = apiWith(BankingPermissions.STATEMENTS, ExchangePermissions.VIEW);
        String name = "Garanti export " + UUID.randomUUID();
        var saved = cashier.post(PATH, StatementTexts.csvMapping(name));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String id = saved.json().get("id").asString();
        assertThat(saved.header("Location")).endsWith(PATH + "/" + id);
        assertThat(saved.json().get("mapping").get("separator").asString()).isEqualTo(";");
        assertThat(cashier.get(PATH + "/" + id).json().get("name").asString()).isEqualTo(name);
        assertThat(cashier.get(PATH).json().get("items").toString()).contains(name);

        var account = StatementTexts.account(api(), "TRY");
        String csv = "Tarih;Karşı taraf;Açıklama;Tutar;Bakiye\r\n"
                + "03.11.2026;Masraf;ücret;-10,50;1.239,50\r\n"
                + "02.11.2026;Ayşe Yılmaz;EX-2026-1;250,00;1.250,00\r\n";
        var imported = StatementTexts.importFile(cashier, "?mapping=" + id + "&bankAccount=" + account.id(), csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("format").asString()).isEqualTo("CSV");
        var statement = imported.json().get("statements").get(0);
        assertThat(statement.get("openingBalance").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(statement.get("closingBalance").decimalValue()).isEqualByComparingTo("1239.50");
        assertThat(statement.get("entriesNew").asInt()).isEqualTo(2);
        var entries = api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/entries");
        assertThat(entries.json().get("items").get(1).get("counterpartyName").asString())
                .isEqualTo("Ayşe Yılmaz");
        assertThat(entries.json().get("items").get(1).get("remittance").asString())
                .isEqualTo("EX-2026-1");
    }

    @Test
    void refusesAMappingNamingEveryFieldItCannotUse() {
        var refused = api().post(
                        PATH,
                        "{\"name\":\"broken\",\"bankName\":\"Bank\",\"mapping\":{\"separator\":\";;\",\"dateFormat\":\"qqqq-bad{\","
                                + "\"encoding\":\"no-such-charset\",\"headerRows\":0,\"amountColumn\":2}}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains("\"separator\"", "\"dateFormat\"", "\"encoding\"", "\"dateColumn\"", "\"currency\"");
        assertThat(api().post(PATH, "{\"bankName\":\"Bank\"}").body()).contains("\"name\"");
    }

    @Test
    void anImportNamingAMappingThatDoesNotExistIsRefusedOnTheMappingAndAReaderMayNotSave() {
        var account = StatementTexts.account(api(), "KRW");
        var refused = StatementTexts.importFile(
                api(), "?mapping=" + UUID.randomUUID() + "&bankAccount=" + account.id(), "a;b\r\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"mapping\"");

        assertThat(apiWith(ExchangePermissions.VIEW)
                        .post(PATH, StatementTexts.csvMapping("reader " + UUID.randomUUID()))
                        .status())
                .isEqualTo(403);
    }
}
