package org.opsdesk.banking.balances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.banking.StatementTexts.Account;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An office account's statements (newest period first, the gap before a statement marked) and entries (newest
 * booking first, every field the bank gave, in keyset pages) over HTTP; the balances page with the movements since
 * the latest statement and the chart.
 */
class AccountStatementsIntegrationTests extends IntegrationTest {

    @Test
    void listsTheStatementsNewestFirstWithTheGapBeforeAStatementMarked() {
        Account account = threeStatements();

        var page = api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/statements");

        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("statementId").asString())
                .startsWith("S3-" + account.id().substring(0, 8));
        assertThat(items.get(0).get("to").asString()).isEqualTo("2026-11-06");
        assertThat(items.get(0).get("openingBalance").asString()).isEqualTo("1400.00");
        assertThat(items.get(0).get("closingBalance").asString()).isEqualTo("1405.00");
        assertThat(items.get(0).get("gapPreviousClosing").asString()).isEqualTo("1309.50");
        assertThat(items.get(1).get("gapPreviousClosing").isNull()).isTrue();
        assertThat(items.get(2).get("entriesTotal").asInt()).isEqualTo(2);
        assertThat(page.json().get("nextCursor").isNull()).isTrue();

        var first = api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/statements?limit=2");
        var rest = api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/statements?limit=2&cursor="
                + first.json().get("nextCursor").asString());
        assertThat(rest.json().get("items")).hasSize(1);
        assertThat(rest.json().get("items").get(0).get("to").asString()).isEqualTo("2026-11-02");
    }

    @Test
    void listsTheEntriesNewestFirstInKeysetPagesWithWhatTheBankSaid() {
        Account account = threeStatements();
        var reader = apiWith(ExchangePermissions.VIEW);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = "";
        do {
            var page = reader.get("/api/v1/exchange/bank-accounts/" + account.id() + "/entries?limit=2" + cursor);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(seen::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : "&cursor=" + next.asString();
        } while (cursor != null);

        assertThat(seen)
                .extracting(e -> e.get("bookingDate").asString())
                .containsExactly("2026-11-06", "2026-11-03", "2026-11-02", "2026-11-02");
        JsonNode newest = seen.get(0);
        assertThat(newest.get("amount").asString()).isEqualTo("5.00");
        assertThat(newest.get("currency").asString()).isEqualTo("TRY");
        assertThat(newest.get("direction").asString()).isEqualTo("CREDIT");
        assertThat(newest.get("remittance").asString()).isEqualTo("LATE PAYMENT");
        assertThat(newest.get("bankReference").asString()).startsWith("REF");
        assertThat(newest.get("raw").asString()).contains(":61:261106").contains("LATE PAYMENT");
        assertThat(seen).extracting(e -> e.get("direction").asString()).contains("DEBIT");
    }

    @Test
    void anAccountThatIsNotTheOfficesIsNotFoundAndABadCursorIsRefused() {
        var missing = api().get("/api/v1/exchange/bank-accounts/" + UUID.randomUUID() + "/entries");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");

        Account account = StatementTexts.account(api(), "ILS");
        var garbled = api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/entries?cursor=bm9wZQ");
        assertThat(garbled.status()).isEqualTo(422);
        assertThat(garbled.body()).contains("cursor");
        assertThat(api().get("/api/v1/exchange/bank-accounts/" + account.id() + "/statements?limit=0")
                        .status())
                .isEqualTo(422);
    }

    private Account threeStatements() {
        return StatementTexts.threeStatements(api());
    }
}
