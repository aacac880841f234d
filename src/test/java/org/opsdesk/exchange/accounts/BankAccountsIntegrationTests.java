package org.opsdesk.exchange.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/exchange/bank-accounts} over real HTTP against PostgreSQL, and the pairing and reserve published
 * for orders and the public rate files. Every test works in a currency of its own: the first account of a
 * currency becomes its default, and the tests share one database.
 */
class BankAccountsIntegrationTests extends IntegrationTest {

    private static final String PATH = "/api/v1/exchange/bank-accounts";

    @Autowired
    BankAccountPairing pairing;

    @Test
    void addsAnIbanAccountAndListsItWithItsBankCodeAndNoBalanceYet() {
        String iban = TestIbans.polish(TestIbans.MBANK);
        var response = api().post(
                        PATH,
                        body(
                                "mBank S.A.",
                                "brexplpwxxx",
                                TestIbans.printed(iban).toLowerCase(),
                                null,
                                "SEK",
                                "both"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        String id = created.get("id").asString();
        assertThat(response.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(created.get("iban").asString()).isEqualTo(iban);
        assertThat(created.get("accountNumber").isNull()).isTrue();
        assertThat(created.get("printedNumber").asString()).isEqualTo(TestIbans.printed(iban));
        assertThat(created.get("bic").asString()).isEqualTo("BREXPLPWXXX");
        assertThat(created.get("bankCode").asString()).isEqualTo("114");
        assertThat(created.get("currency").asString()).isEqualTo("SEK");
        assertThat(created.get("purpose").asString()).isEqualTo("both");
        assertThat(created.get("defaultIncoming").asBoolean())
                .as("the currency's first account")
                .isTrue();
        assertThat(created.get("defaultPayout").asBoolean()).isTrue();
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("balance").isNull()).isTrue();
        assertThat(created.get("balanceAsOf").isNull()).isTrue();
        assertThat(created.get("createdBy").asString()).isNotBlank();

        var listed = api().get(PATH + "?currency=SEK");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api().get(PATH + "/" + id).json().get("bankCode").asString()).isEqualTo("114");
        assertThat(changes(id)).containsExactly("created");
    }

    @Test
    void addsADomesticAccountNumberNormalisedWithItsBanksBic() {
        String number = "0210-0002 1" + (100_000_000 + (int) (Math.random() * 800_000_000));
        var response = api().post(PATH, body("JPMorgan Chase Bank, N.A.", "CHASUS33", null, number, "USD", "payout"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String electronic = number.replace("-", "").replace(" ", "");
        assertThat(response.json().get("accountNumber").asString()).isEqualTo(electronic);
        assertThat(response.json().get("iban").isNull()).isTrue();
        assertThat(response.json().get("bankCode").asString()).isEqualTo("CHASUS");
        assertThat(response.json().get("printedNumber").asString()).startsWith("0210 0002 1");
    }

    @ParameterizedTest(name = "{0}: {7}")
    @CsvSource(
            delimiter = '|',
            value = {
                "iban|Bank|BREXPLPW|PL27 1140 2004 0000 3002 0135 5388||PLN|both|check digits wrong",
                "iban|Bank|BREXPLPW|PL27 1140 2004 0000 3002 0135 538||PLN|both|too short for Poland",
                "iban|Bank||DE89 3704 0044 0532 0130 00 1||EUR|both|too long for Germany",
                "iban|Bank||XX27114020040000300201355387||PLN|both|unknown country",
                "iban|Bank||PL27-1140-2004-0000-3002-0135-538!||PLN|both|a character no IBAN has",
                "iban|Bank|BREXPLPW|PL27114020040000300201355387|1234567890|PLN|both|both numbers",
                "iban|Bank|BREXPLPW|||PLN|both|no number",
                "bic|Bank|BREX|PL27114020040000300201355387||PLN|both|a BIC too short",
                "bic|Bank|BREXPLPWXX|PL27114020040000300201355387||PLN|both|a BIC of 10 characters",
                "bic|Bank|BREX-PL-PW-X|PL27114020040000300201355387||PLN|both|a BIC of 9 characters",
                "bic|Bank|BREXÉLPW|PL27114020040000300201355387||PLN|both|a letter outside A to Z",
                "bic|Bank|||1234567890|USD|both|an account number without a BIC",
                "accountNumber|Bank|CHASUS33||12#34567890|USD|both|a character no account number has",
                "accountNumber|Bank|CHASUS33||1234|USD|both|too short",
                "accountNumber|Bank|CHASUS33||12345678901234567890123456789012345|USD|both|too long",
                "accountNumber|Bank|BREXPLPW||PL27114020040000300201355387|PLN|both|an IBAN given as a number",
                "accountNumber|Bank|BREXPLPW||PL27114020040000300201355388|PLN|both|a mistyped IBAN given as a number",
                "currency|Bank||PL27114020040000300201355387||ABC|both|an unknown currency",
                "currency|Bank||PL27114020040000300201355387||pln|both|a lower-case code",
                "currency|Bank||PL27114020040000300201355387||XAU|both|gold is no account currency",
                "currency|Bank||PL27114020040000300201355387|||both|no currency",
                "bankName|||PL27114020040000300201355387||PLN|both|no bank name",
                "bankName|<script>alert(1)</script>||PL27114020040000300201355387||PLN|both|a script in the name",
                "bankName|Bank \u202Egnp.exe||PL27114020040000300201355387||PLN|both|a direction override",
                "purpose|Bank||PL27114020040000300201355387||PLN|outgoing|an unknown purpose",
                "purpose|Bank||PL27114020040000300201355387||PLN||no purpose",
            })
    void refusesABadFieldWithAProblemNamingIt(
            String field,
            String bankName,
            String bic,
            String iban,
            String accountNumber,
            String currency,
            String purpose,
            String why) {
        long before = accounts();

        var refused = api().post(PATH, body(bankName, bic, iban, accountNumber, currency, purpose));

        assertThat(refused.status()).as(why + ": " + refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:invalid-input");
        assertThat(fields(refused)).as(why).contains(field);
        assertThat(accounts()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void refusesAFarTooLongNameAndWrongJsonTypesWithoutAServerError() {
        var tooLong =
                api().post(PATH, body("B".repeat(101), null, TestIbans.polish(TestIbans.PKO), null, "PLN", "both"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(fields(tooLong)).containsExactly("bankName");

        var number = api().post(PATH, "{\"bankName\":\"Bank\",\"iban\":27114020040000,\"currency\":\"PLN\"}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.contentType()).startsWith("application/problem+json");
        var unknown = api().post(PATH, "{\"bankName\":\"Bank\",\"owner\":\"me\"}");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void refusesADuplicateNumberHoweverItIsTypedNamingTheFieldAndTheAccountThatHasIt() {
        String iban = TestIbans.polish(TestIbans.PKO);
        String id = created(body("PKO BP", null, iban, null, "NOK", "incoming"));

        var again = api().post(
                        PATH,
                        body("PKO Bank Polski", null, TestIbans.printed(iban).toLowerCase(), null, "NOK", "payout"));
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(fields(again)).containsExactly("iban");
        assertThat(again.json().get("existingId").asString()).isEqualTo(id);

        String number = "99" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        created(body("Chase", "CHASUS33", null, number, "NOK", "both"));
        var sameNumber = api().post(
                        PATH,
                        body(
                                "Chase",
                                "CHASUS33",
                                null,
                                number.substring(0, 4) + "-" + number.substring(4),
                                "NOK",
                                "both"));
        assertThat(sameNumber.status()).isEqualTo(422);
        assertThat(fields(sameNumber)).containsExactly("accountNumber");

        // disabled accounts keep their number: add it back by enabling it
        api().post(PATH + "/" + id + "/disable", "");
        assertThat(api().post(PATH, body("PKO BP", null, iban, null, "NOK", "incoming"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void changesNameAndPurposeAndMovesTheCurrencysDefaultRecordingBeforeAndAfter() {
        String first = created(body("Bank One", null, TestIbans.polish(TestIbans.MBANK), null, "CZK", "both"));
        String second = created(body("Bank Two", null, TestIbans.polish(TestIbans.PKO), null, "CZK", "both"));
        assertThat(account(second).get("defaultIncoming").asBoolean()).isFalse();

        var moved = api().send(
                        "PATCH",
                        PATH + "/" + second,
                        "{\"defaultIncoming\":true}".getBytes(),
                        "Content-Type",
                        "application/json");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("defaultIncoming").asBoolean()).isTrue();
        assertThat(moved.json().get("bankName").asString())
                .as("left out: unchanged")
                .isEqualTo("Bank Two");
        assertThat(account(first).get("defaultIncoming").asBoolean()).isFalse();
        assertThat(account(first).get("defaultPayout").asBoolean()).isTrue();

        var renamed = patch(second, "{\"bankName\":\"  Bank   Two S.A. \",\"purpose\":\"incoming\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("bankName").asString()).isEqualTo("Bank Two S.A.");
        assertThat(renamed.json().get("purpose").asString()).isEqualTo("incoming");

        assertThat(changes(first)).containsExactly("created", "default_moved");
        assertThat(changes(second)).containsExactly("created", "updated", "updated");
        var audit = jdbc.sql(
                        """
                        select actor_name, before ->> 'bankName' as before, after ->> 'bankName' as after
                        from exchange.bank_account_change where bank_account_id = ?::uuid order by id desc limit 1""")
                .param(second)
                .query((rs, n) ->
                        rs.getString("actor_name") + "|" + rs.getString("before") + "|" + rs.getString("after"))
                .single();
        assertThat(audit).endsWith("|Bank Two|Bank Two S.A.");
    }

    @Test
    void refusesChangesThatBreakTheRulesNamingTheField() {
        String id = created(body("Bank", null, TestIbans.polish(TestIbans.MBANK), null, "HUF", "payout"));

        assertThat(fields(patch(id, "{\"defaultIncoming\":true}"))).containsExactly("defaultIncoming");
        assertThat(fields(patch(id, "{\"purpose\":\"incoming\"}")))
                .as("still the payout default")
                .containsExactly("defaultPayout");
        assertThat(patch(id, "{\"purpose\":\"incoming\",\"defaultPayout\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(fields(patch(id, "{\"bankName\":\"\"}"))).containsExactly("bankName");
        assertThat(fields(patch(id, "{\"bankName\":\"<b>x</b>\",\"purpose\":\"sometimes\"}")))
                .containsExactly("bankName", "purpose");
        assertThat(patch(id, "{\"currency\":\"EUR\"}").status())
                .as("the currency never changes")
                .isEqualTo(400);
        assertThat(account(id).get("bankName").asString()).isEqualTo("Bank");
    }

    @Test
    void disablesAnAccountSoPairingAndTheReserveLeaveItOutAndEnablesItAgain() {
        String mbank = created(body("mBank", null, TestIbans.polish(TestIbans.MBANK), null, "RON", "both"));
        String pko = created(body("PKO BP", "BPKOPLPW", TestIbans.polish(TestIbans.PKO), null, "RON", "both"));
        jdbc.sql("update exchange.bank_account set balance = ?, balance_as_of = now() where id = ?::uuid")
                .params(new BigDecimal("1500.25"), mbank)
                .update(); // stands for the statement import of the next issue
        jdbc.sql("update exchange.bank_account set balance = ?, balance_as_of = now() where id = ?::uuid")
                .params(new BigDecimal("499.75"), pko)
                .update();
        assertThat(pairing.reserve("RON")).isEqualByComparingTo("2000.00");
        assertThat(pairing.reserve("ISK")).isEqualByComparingTo("0");

        var client = ClientAccount.iban(TestIbans.polish(TestIbans.PKO));
        var paired = pairing.payIn("RON", client);
        assertThat(paired.bankAccountId().toString()).isEqualTo(pko);
        assertThat(paired.pairedByBank()).isTrue();
        var elsewhere = pairing.payOut("RON", ClientAccount.iban("PL61109010140000071219812874"));
        assertThat(elsewhere.bankAccountId().toString()).as("the default").isEqualTo(mbank);
        assertThat(elsewhere.pairedByBank()).isFalse();

        var disabled = api().post(PATH + "/" + pko + "/disable", "");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(pairing.payIn("RON", client).bankAccountId().toString()).isEqualTo(mbank);
        assertThat(pairing.reserve("RON")).isEqualByComparingTo("1500.25");
        assertThat(api().get(PATH + "?currency=RON").json().get("items")).hasSize(2);
        assertThat(account(pko).get("balance").asString()).isEqualTo("499.75");

        api().post(PATH + "/" + mbank + "/disable", "");
        assertThat(account(mbank).get("defaultIncoming").asBoolean())
                .as("a disabled account is no default")
                .isFalse();
        assertThatThrownBy(() -> pairing.payIn("RON", client))
                .isInstanceOf(NoOfficeAccount.class)
                .hasMessageContaining("incoming payments in RON");

        var enabled = api().post(PATH + "/" + pko + "/enable", "");
        assertThat(enabled.json().get("active").asBoolean()).isTrue();
        assertThat(pairing.payIn("RON", client).pairedByBank()).isTrue();
        assertThat(changes(pko)).containsExactly("created", "disabled", "enabled");
    }

    @Test
    void answersNotFoundForAnUnknownAccountOnEveryEndpoint() {
        String unknown = PATH + "/" + UUID.randomUUID();
        for (var response : new ApiClient.Response[] {
            api().get(unknown), patch(UUID.randomUUID().toString(), "{\"bankName\":\"X\"}"),
            api().post(unknown + "/disable", ""), api().post(unknown + "/enable", "")
        }) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get(PATH + "/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void pagesTheListByCursorInCurrencyAndBankOrder() {
        for (String bank : new String[] {"Charlie Bank", "Alpha Bank", "Bravo Bank"}) {
            created(body(bank, null, TestIbans.polish(TestIbans.MBANK), null, "ISK", "both"));
        }
        var names = new ArrayList<String>();
        String cursor = null;
        do {
            var page = api().get(PATH + "?currency=ISK&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json()
                    .get("items")
                    .forEach(item -> names.add(item.get("bankName").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
        } while (cursor != null);
        assertThat(names).containsExactly("Alpha Bank", "Bravo Bank", "Charlie Bank");

        assertThat(fields(api().get(PATH + "?cursor=bogus"))).containsExactly("cursor");
        assertThat(fields(api().get(PATH + "?limit=0"))).containsExactly("limit");
        assertThat(api().get(PATH + "?limit=lots").status()).isEqualTo(400);
    }

    @Test
    void readingNeedsExchangeViewAndChangingNeedsExchangeManage() {
        String id = created(body("Bank", null, TestIbans.polish(TestIbans.PKO), null, "PLN", "both"));
        var viewer = apiWith(ExchangePermissions.VIEW);
        var nobody = apiWith("operations:view");

        assertThat(viewer.get(PATH).status()).isEqualTo(200);
        assertThat(viewer.get(PATH + "/" + id).status()).isEqualTo(200);
        var refused = viewer.post(PATH, body("Bank", null, TestIbans.polish(TestIbans.PKO), null, "PLN", "both"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:permission-denied");
        assertThat(viewer.send("PATCH", PATH + "/" + id, "{}".getBytes(), "Content-Type", "application/json")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post(PATH + "/" + id + "/disable", "").status()).isEqualTo(403);
        assertThat(viewer.post(PATH + "/" + id + "/enable", "").status()).isEqualTo(403);
        assertThat(nobody.get(PATH).status()).isEqualTo(403);
        assertThat(nobody.get(PATH + "/" + id).status()).isEqualTo(403);

        var manager = apiWith(ExchangePermissions.MANAGE);
        assertThat(manager.post(PATH + "/" + id + "/disable", "").status()).isEqualTo(200);
        assertThat(account(id).get("active").asBoolean()).isFalse();
    }

    @Test
    void theChangeLogIsInsertOnlyInTheDatabase() {
        String id = created(body("Bank", null, TestIbans.polish(TestIbans.MBANK), null, "DKK", "both"));

        assertThatThrownBy(() -> jdbc.sql("update exchange.bank_account_change set actor_name = 'someone else'"
                                + " where bank_account_id = ?::uuid")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from exchange.bank_account_change where bank_account_id = ?::uuid")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("truncate exchange.bank_account_change").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(changes(id)).containsExactly("created");
    }

    private String created(String body) {
        var response = api().post(PATH, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private JsonNode account(String id) {
        return api().get(PATH + "/" + id).json();
    }

    private ApiClient.Response patch(String id, String body) {
        return api().send("PATCH", PATH + "/" + id, body.getBytes(), "Content-Type", "application/json");
    }

    private long accounts() {
        return jdbc.sql("select count(*) from exchange.bank_account")
                .query(Long.class)
                .single();
    }

    private java.util.List<String> changes(String id) {
        return jdbc.sql("select action from exchange.bank_account_change where bank_account_id = ?::uuid order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private static java.util.List<String> fields(ApiClient.Response response) {
        var fields = new ArrayList<String>();
        response.json()
                .path("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static String body(
            String bankName, String bic, String iban, String accountNumber, String currency, String purpose) {
        var json = new StringBuilder("{");
        append(json, "bankName", bankName);
        append(json, "bic", bic);
        append(json, "iban", iban);
        append(json, "accountNumber", accountNumber);
        append(json, "currency", currency);
        append(json, "purpose", purpose);
        return json.append('}').toString();
    }

    private static void append(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
    }
}
