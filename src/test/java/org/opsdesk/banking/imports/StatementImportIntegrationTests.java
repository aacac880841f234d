package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.formats.ParsedStatement;
import org.opsdesk.banking.formats.ReadFile;
import org.opsdesk.banking.formats.StatementFileRefused;
import org.opsdesk.banking.formats.StatementFiles;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.shared.Iban;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Statement files through {@code POST /api/v1/exchange/statements}: every public fixture that reconciles imports
 * once (a second import adds nothing), the others are refused whole; unknown accounts, gaps, balances, identical
 * payments, overlapping statements and concurrent imports of one file. Accounts in ILS, TRY and KRW are this class's
 * own; the fixtures' accounts are added (and disabled at once, so that no currency's defaults change).
 */
class StatementImportIntegrationTests extends IntegrationTest {

    private static final String STATEMENTS = "/api/v1/exchange/statements";
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/statements");

    @Test
    void everyFixtureThatReconcilesImportsOnceAndASecondImportAddsNothing() {
        List<String> imported = new ArrayList<>();
        var statementsSeen = new java.util.HashSet<String>();
        for (String name : fixtures()) {
            byte[] file = bytes(name);
            ReadFile read;
            try {
                read = new StatementFiles().read(file, null);
            } catch (StatementFileRefused refused) {
                var answer = upload(file, "");
                assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(422);
                assertThat(answer.json().get("reason").asString())
                        .isEqualTo(refused.reason().name());
                continue;
            }
            String assign = accountsFor(read);
            var first = upload(file, assign);
            // some fixtures are one statement written in two versions (ISO's business example as camt.053 v02 and
            // v04, UBS's notification as camt.054 v04 and v08): the later one finds its entries there already
            List<String> keys = read.statements().stream()
                    .map(st -> st.accountIdentifier() + "|" + st.statementId() + "|" + st.sequence())
                    .toList();
            boolean seenBefore = statementsSeen.containsAll(keys);
            statementsSeen.addAll(keys);
            if (!seenBefore) {
                assertThat(first.status()).as(name + ": " + first.body()).isEqualTo(201);
            }
            assertThat(first.json().get("entriesNew").asInt()
                            + first.json().get("entriesDuplicate").asInt())
                    .as(name)
                    .isEqualTo(read.entryCount());
            assertThat(first.json().get("statements")).hasSize(read.statements().size());
            var second = upload(file, assign);
            assertThat(second.status()).as(name + ": " + second.body()).isEqualTo(200);
            assertThat(second.json().get("entriesNew").asInt()).as(name).isZero();
            assertThat(second.json().get("entriesDuplicate").asInt()).as(name).isEqualTo(read.entryCount());
            imported.add(name);
        }
        assertThat(imported).as("the fixtures that reconcile").hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void aStatementThatDoesNotReconcileRefusesTheWholeFileWithTheDifference() {
        String iban = account("ILS");
        var good = Mt940Texts.statement(iban, "ILS", "S101", LocalDate.of(2026, 11, 2), "100.00")
                .credit("50.00", "first");
        String broken = good.text().replace(":62F:C261102ILS150,00", ":62F:C261102ILS151,00");
        int importsBefore = imports();

        var answer =
                upload((good.text() + broken.replace(":20:S101", ":20:S102")).getBytes(StandardCharsets.UTF_8), "");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("reason").asString()).isEqualTo("NOT_RECONCILED");
        assertThat(answer.body()).contains("statements[1]").contains("1.00");
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(entriesOf(iban)).isZero();
    }

    @Test
    void aStatementOfAnAccountTheOfficeDoesNotHaveIsRefusedNamingItUnlessAssigned() {
        String stranger = TestIbans.polish(TestIbans.PKO);
        byte[] file = Mt940Texts.statement(stranger, "ILS", "S201", LocalDate.of(2026, 11, 3), "0.00")
                .credit("10.00", "masked export")
                .bytes();

        var refused = upload(file, "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("statements[0].accountIdentifier");
        assertThat(refused.body()).contains(stranger);

        String masked = account("ILS");
        var assigned = upload(file, "?bankAccount=" + idOf(masked));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().get("statements").get(0).get("bankAccountId").asString())
                .isEqualTo(idOf(masked));
    }

    @Test
    void aGermanSortCodeAndAccountPairFindsTheAccountByItsIban() {
        String iban = TestIbans.german("50010517");
        var created = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"iban\":\"" + iban
                                + "\",\"bankName\":\"ING DiBa\",\"currency\":\"ILS\",\"purpose\":\"incoming\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pair = "50010517/" + iban.substring(12).replaceFirst("^0+", "");

        var answer = upload(
                Mt940Texts.statement(pair, "ILS", "S251", LocalDate.of(2026, 11, 3), "0.00")
                        .credit("7.00", "x")
                        .bytes(),
                "");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("statements").get(0).get("bankAccountId").asString())
                .isEqualTo(idOf(iban));
    }

    @Test
    void aStatementInAnotherCurrencyThanItsAccountIsRefused() {
        String iban = account("TRY");
        var answer = upload(
                Mt940Texts.statement(iban, "ILS", "S301", LocalDate.of(2026, 11, 4), "0.00")
                        .credit("1.00", "x")
                        .bytes(),
                "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("statements[0].currency");
    }

    @Test
    void anOverlappingStatementAddsOnlyItsNewEntriesAndTheBalanceFollowsTheLatest() {
        String iban = account("ILS");
        var monday = Mt940Texts.statement(iban, "ILS", "S401", LocalDate.of(2026, 11, 9), "1000.00")
                .credit("100.00", "RF18 0000 0000 0000 0000 0000 1")
                .debit("30.00", "fee");
        var first = upload(monday.bytes(), "");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("entriesNew").asInt()).isEqualTo(2);

        // the bank sends the same day again inside a longer statement, with one more entry
        var again = Mt940Texts.statement(iban, "ILS", "S402", LocalDate.of(2026, 11, 9), "1000.00")
                .credit("100.00", "RF18 0000 0000 0000 0000 0000 1")
                .debit("30.00", "fee")
                .credit("5.55", "late one");
        var second = upload(again.bytes(), "");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("entriesNew").asInt()).isEqualTo(1);
        assertThat(second.json().get("entriesDuplicate").asInt()).isEqualTo(2);
        assertThat(entriesOf(iban)).isEqualTo(3);

        var account = api().get("/api/v1/exchange/bank-accounts/" + idOf(iban)).json();
        assertThat(account.get("balance").asString()).isEqualTo("1075.55");
    }

    @Test
    void twoIdenticalPaymentsInOneStatementAreTwoEntries() {
        String iban = account("KRW");
        var statement = Mt940Texts.statement(iban, "KRW", "S501", LocalDate.of(2026, 11, 10), "0")
                .credit("5000", "coffee")
                .credit("5000", "coffee");
        var answer = upload(statement.bytes(), "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("entriesNew").asInt()).isEqualTo(2);
        assertThat(upload(statement.bytes(), "").json().get("entriesNew").asInt())
                .isZero();
    }

    @Test
    void anOpeningBalanceThatIsNotThePreviousClosingIsStoredWithAGapWarning() {
        String iban = account("TRY");
        upload(
                Mt940Texts.statement(iban, "TRY", "S601", LocalDate.of(2026, 11, 11), "10.00")
                        .credit("1.00", "a")
                        .bytes(),
                "");
        var later = upload(
                Mt940Texts.statement(iban, "TRY", "S603", LocalDate.of(2026, 11, 13), "20.00")
                        .credit("2.00", "b")
                        .bytes(),
                "");

        assertThat(later.status()).as(later.body()).isEqualTo(201);
        JsonNode warning = later.json().get("warnings").get(0);
        assertThat(warning.get("code").asString()).isEqualTo("GAP");
        assertThat(warning.get("message").asString()).contains("20.00").contains("11.00");
        var read = api().get(
                        STATEMENTS + "/imports/" + later.json().get("importId").asString());
        assertThat(read.json().get("state").asString()).isEqualTo("DONE");
        assertThat(read.json().get("times").get("readMillis").isNumber()).isTrue();
        assertThat(read.json().get("times").get("storeMillis").isNumber()).isTrue();
        assertThat(read.json().get("warnings").get(0).get("code").asString()).isEqualTo("GAP");
        assertThat(read.json().get("statements").get(0).get("statementId").asString())
                .startsWith("S603");
    }

    @Test
    void twoConcurrentImportsOfOneFileStoreItOnce() throws Exception {
        String iban = account("ILS");
        var statement = Mt940Texts.statement(iban, "ILS", "S701", LocalDate.of(2026, 11, 16), "0.00");
        for (int i = 1; i <= 300; i++) {
            statement.credit(i + ".00", "payment " + i);
        }
        byte[] file = statement.bytes();
        var barrier = new CyclicBarrier(2);
        var answers = Stream.of(1, 2)
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    await(barrier);
                    return upload(file, "");
                }))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.stream()
                        .mapToInt(a -> a.json().get("entriesNew").asInt())
                        .sum())
                .isEqualTo(300);
        assertThat(entriesOf(iban)).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from banking.statement s where s.statement_id like 'S701/%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theFileMayComeAsAMultipartForm() {
        String iban = account("KRW");
        byte[] file = Mt940Texts.statement(iban, "KRW", "S801", LocalDate.of(2026, 11, 17), "100")
                .debit("40", "out")
                .bytes();
        String boundary = "----opsdesk" + UUID.randomUUID();
        byte[] body = (("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../x/mt940.sta\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n" + new String(file, StandardCharsets.UTF_8)
                        + "\r\n--" + boundary + "--\r\n"))
                .getBytes(StandardCharsets.UTF_8);

        var answer = api().send("POST", STATEMENTS, body, "Content-Type", "multipart/form-data; boundary=" + boundary);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var read = api().get(answer.header("Location")).json();
        assertThat(read.get("fileName").asString()).isEqualTo("mt940.sta");
        assertThat(read.get("entriesNew").asInt()).isEqualTo(1);
    }

    @Test
    void importingNeedsTheStatementsPermission() {
        String iban = account("TRY");
        byte[] file = Mt940Texts.statement(iban, "TRY", "S901", LocalDate.of(2026, 11, 18), "0.00")
                .credit("1.00", "x")
                .bytes();
        var reader = apiWith("exchange:view");
        var refused = reader.send("POST", STATEMENTS, file, "Content-Type", "application/octet-stream");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(entriesOf(iban)).isZero();
        assertThat(reader.get(STATEMENTS + "/imports").status()).isEqualTo(200);
    }

    @Test
    void theImportsListPagesOnFromItsCursorAndRefusesOneItDidNotGive() {
        String iban = account("ILS");
        for (String id : List.of("S1101", "S1102")) {
            upload(
                    Mt940Texts.statement(iban, "ILS", id, LocalDate.of(2026, 11, 20), "0.00")
                            .credit("1.00", id)
                            .bytes(),
                    "");
        }
        var firstTwo = api().get(STATEMENTS + "/imports?limit=2").json().get("items");
        var first = api().get(STATEMENTS + "/imports?limit=1").json();
        assertThat(first.get("items").get(0).get("id"))
                .isEqualTo(firstTwo.get(0).get("id"));

        var next = api().get(STATEMENTS + "/imports?limit=1&cursor="
                + first.get("nextCursor").asString());
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("items").get(0).get("id"))
                .isEqualTo(firstTwo.get(1).get("id"));
        assertThat(api().get(STATEMENTS + "/imports?limit=1&cursor=")
                        .json()
                        .get("items")
                        .get(0)
                        .get("id"))
                .as("a blank cursor is the first page")
                .isEqualTo(firstTwo.get(0).get("id"));

        var garbled = api().get(STATEMENTS + "/imports?cursor=bm90IGEgY3Vyc29y");
        assertThat(garbled.status()).as(garbled.body()).isEqualTo(422);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
        assertThat(garbled.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void hostileFilesAreRefusedQuicklyWithNothingStored() {
        String iban = account("KRW");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
        String truncated = Mt940Texts.statement(iban, "KRW", "S1001", LocalDate.of(2026, 11, 19), "0")
                .credit("10", "x")
                .text()
                .replaceAll(":62F:.*", "");
        String overflow = Mt940Texts.statement(iban, "KRW", "S1002", LocalDate.of(2026, 11, 19), "0")
                .credit("10", "x")
                .text()
                .replace("C10,NTRF", "C10,5NTRF");
        int importsBefore = imports();
        for (String hostile : List.of(xxe, bomb, "<not xml", truncated, overflow)) {
            long started = System.nanoTime();
            var answer = upload(hostile.getBytes(StandardCharsets.UTF_8), "");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.status()).as(hostile + " → " + answer.body()).isEqualTo(422);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(millis).as("refused in %d ms", millis).isLessThan(1_000);
        }
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(entriesOf(iban)).isZero();
    }

    // --- helpers

    private ApiClient.Response upload(byte[] file, String query) {
        return api().send("POST", STATEMENTS + query, file, "Content-Type", "application/octet-stream");
    }

    /**
     * Adds (disabled) the office accounts a fixture's statements name; where a number is one no office account can
     * have (a made-up IBAN whose check digits fail), a query assigning the file's one account, as a cashier would.
     */
    private String accountsFor(ReadFile read) {
        for (ParsedStatement statement : read.statements()) {
            String identifier = statement.accountIdentifier();
            String currency = statement.closingBalance() != null
                    ? statement.closingBalance().currency().code()
                    : statement.entries().get(0).amount().currency().code();
            String number = isIban(identifier)
                    ? "{\"iban\":\"" + identifier + "\""
                    : "{\"accountNumber\":\"" + identifier.replace("/", "") + "\",\"bic\":\"DRESDEFF508\"";
            if (!fixtureAccount(number, currency)) {
                assertThat(read.statements().stream()
                                .map(ParsedStatement::accountIdentifier)
                                .distinct())
                        .hasSize(1);
                String assigned = idOf(account(currency));
                assertThat(api().post("/api/v1/exchange/bank-accounts/" + assigned + "/disable", "")
                                .status())
                        .isEqualTo(200);
                return "?bankAccount=" + assigned;
            }
        }
        return "";
    }

    /** Adds the account and disables it; false when no office account can have this number. */
    private boolean fixtureAccount(String numberJson, String currency) {
        var created = api().post(
                        "/api/v1/exchange/bank-accounts",
                        numberJson + ",\"bankName\":\"Fixture bank\",\"currency\":\"" + currency
                                + "\",\"purpose\":\"incoming\"}");
        if (created.status() == 201) {
            var disabled = api().post(
                            "/api/v1/exchange/bank-accounts/"
                                    + created.json().get("id").asString() + "/disable",
                            "");
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            return true;
        }
        assertThat(created.status()).as(created.body()).isEqualTo(422);
        return created.body().contains("existingId");
    }

    /** A new enabled office account in this currency (not its default: a payout-only account is added first). */
    private String account(String currency) {
        String iban = TestIbans.polish(TestIbans.MBANK);
        var created = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"iban\":\"" + iban + "\",\"bankName\":\"mBank\",\"currency\":\"" + currency
                                + "\",\"purpose\":\"incoming\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return iban;
    }

    private String idOf(String number) {
        return jdbc.sql("select id::text from exchange.bank_account where number = ?")
                .param(number)
                .query(String.class)
                .single();
    }

    private int entriesOf(String number) {
        return jdbc.sql(
                        """
                        select count(*) from banking.statement_entry e join exchange.bank_account a
                          on a.id = e.bank_account_id where a.number = ?""")
                .param(number)
                .query(Integer.class)
                .single();
    }

    private int imports() {
        return jdbc.sql("select count(*) from banking.statement_import")
                .query(Integer.class)
                .single();
    }

    private static boolean isIban(String identifier) {
        try {
            new Iban(identifier);
            return true;
        } catch (RuntimeException notOne) {
            return false;
        }
    }

    private static List<String> fixtures() {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> FIXTURES.relativize(file).toString())
                    .filter(name -> !name.endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
