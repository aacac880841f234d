package org.opsdesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.banking.payfiles.PainSchemas;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.bench.statements.Camt053File;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.browser.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's journey in Chromium: a verified client orders in the portal; a camt.053 holding that payment (its
 * reference in the remittance text), a partial payment of a second order and an unrelated credit is imported by a
 * cashier on the console; the order reaches {@code funds_received}, the other two wait in the payments queue and
 * are decided with reasons; a payout batch is made, approved by a second operator, downloaded (its pain.001 valid
 * against the XSD); a statement with the debit completes the order and the client's completion email arrives.
 */
class StatementJourneyBrowserIntegrationTests extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aPortalOrderIsPaidMatchedPaidOutAndCompletedByStatementsAndTheClientIsTold() throws Exception {
        EuroZlotyDesk.open(api());
        var payoutAccount = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"mBank\",\"iban\":\"" + TestIbans.polish(TestIbans.MBANK)
                                + "\",\"currency\":\"PLN\",\"purpose\":\"payout\"}");
        assertThat(payoutAccount.status()).as(payoutAccount.body()).isEqualTo(201);
        // the PLN payouts leave from it (other tests' PLN accounts share the one database, one of them without an
        // IBAN, from which no pain.001 can be written)
        var madeDefault = api().send(
                        "PATCH",
                        "/api/v1/exchange/bank-accounts/"
                                + payoutAccount.json().get("id").asString(),
                        "{\"defaultPayout\":true}".getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json");
        assertThat(madeDefault.status()).as(madeDefault.body()).isEqualTo(200);
        var client = VerifiedClients.approved(port, smtp, gateway, jdbc, api());
        Page portal = signedIn(client);
        String paid = order(portal, "100.00");
        String partlyPaid = order(portal, "50.00");
        JsonNode paidOrder = api().get("/api/v1/exchange/orders/" + paid).json();
        JsonNode partOrder = api().get("/api/v1/exchange/orders/" + partlyPaid).json();
        String payIn = paidOrder.get("payIn").get("bankAccountId").asString();
        String payInIban = paidOrder.get("payIn").get("iban").asString();

        // the bank's statement: the payment, a partial payment of the second order, and someone else's credit
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path camt = Files.createTempFile("journey", ".xml");
        Files.write(
                camt,
                Camt053File.write(
                        payInIban,
                        "EUR",
                        today,
                        List.of(
                                new Camt053File.Payment(
                                        new BigDecimal("100.00"),
                                        "Journey Client",
                                        TestIbans.polish(TestIbans.PKO),
                                        "Exchange order " + printed(paidOrder)),
                                new Camt053File.Payment(
                                        new BigDecimal("20.00"),
                                        "Journey Client",
                                        TestIbans.polish(TestIbans.PKO),
                                        "Exchange " + printed(partOrder)),
                                new Camt053File.Payment(
                                        new BigDecimal("12.34"),
                                        "Someone Else",
                                        TestIbans.polish(TestIbans.PKO),
                                        "invoice 4711"))));

        Credentials cashier = operatorWithMfa("cashier");
        Page desk = newContext("en-GB").newPage();
        signIn(desk, cashier);
        desk.navigate("/exchange/statements");
        desk.locator("#su-file").setInputFiles(camt);
        desk.locator("#su-submit").click();
        desk.waitForURL(Pattern.compile(".*/exchange/statements/uploads/[0-9a-f-]{36}$"));
        assertThat(desk.locator("#import-match-rows tr[data-entry]")).hasCount(3);
        // funds_received; on a pair another test left automatic, the payout's release follows at once
        assertThat(stage(paid)).isIn("funds_received", "payout_pending");
        screenshot(desk, "journey-imported");

        // the queue: the partial payment goes back, the stranger's credit is set aside
        JsonNode queued = api().get("/api/v1/exchange/payments?state=queued&bankAccount=" + payIn)
                .json()
                .get("items");
        assertThat(queued).hasSize(2);
        desk.onDialog(dialog -> dialog.accept());
        for (JsonNode entry : queued) {
            desk.navigate("/exchange/payments/" + entry.get("entryId").asString());
            if ("PARTIAL".equals(entry.get("queueReason").asString())) {
                desk.locator("#return-reason").fill("paid 20.00 of 50.00; returned as the client asked");
                desk.locator("#return-submit").click();
            } else {
                desk.locator("#setAside-reason").fill("not ours: an invoice payment, sent back by the bank");
                desk.locator("#set-aside-submit").click();
            }
            assertThat(desk.locator("#payment-state"))
                    .not()
                    .hasText(Pattern.compile("queued", Pattern.CASE_INSENSITIVE));
            assertThat(desk.locator("#payment-log")).containsText(Pattern.compile("paid 20\\.00 of 50\\.00|not ours"));
        }
        assertThat(api().get("/api/v1/exchange/payments?state=queued&bankAccount=" + payIn)
                        .json()
                        .get("items"))
                .isEmpty();

        // the cashier releases the payout (a manual pair), makes the batch; a supervisor approves it
        ApiClient cashierKey =
                keyOf(cashier.username(), "exchange_order:view", "exchange_order:transition:payout_pending");
        if ("funds_received".equals(stage(paid))) {
            var moved = cashierKey.post("/api/v1/operations/" + paid + "/transitions", "{\"to\":\"payout_pending\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        String from = api().get("/api/v1/exchange/orders/" + paid)
                .json()
                .get("payoutAccount")
                .get("fromBankAccountId")
                .asString();
        assertThat(from).isEqualTo(payoutAccount.json().get("id").asString());
        desk.navigate("/exchange/payouts");
        desk.locator("#payout-accounts form:has(input[name=bankAccountId][value='" + from + "']) button")
                .click();
        desk.waitForURL(Pattern.compile(".*/exchange/payouts/[0-9a-f-]{36}$"));
        String batch = desk.url().substring(desk.url().lastIndexOf('/') + 1);
        // the account may pay out other tests' orders too (one database): the cashier takes them out of this batch
        ApiClient payouts = keyOf(cashier.username(), "exchange:payouts", "exchange:view");
        for (JsonNode other :
                payouts.get("/api/v1/exchange/payout-batches/" + batch).json().get("items")) {
            if (!paid.equals(other.get("orderId").asString())) {
                var removed = payouts.post(
                        "/api/v1/exchange/payout-batches/" + batch + "/items/"
                                + other.get("id").asString() + "/remove",
                        "{\"reason\":\"not this journey's transfer\"}");
                assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            }
        }
        desk.reload();
        desk.locator("#release").click();
        assertThat(desk.locator("#approval-state")).isVisible();
        Credentials supervisor = operatorWithMfa("supervisor");
        ApiClient checker = keyOf(supervisor.username(), "payout_batch:approve", "payout_batch:view", "exchange:view");
        String request = checker.get("/api/v1/exchange/payout-batches/" + batch)
                .json()
                .get("pendingApproval")
                .get("requestId")
                .asString();
        var approved = checker.post("/api/v1/approvals/" + request + "/approve", "{\"comment\":\"checked\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // downloading the file sends the batch
        desk.navigate("/exchange/payouts/" + batch);
        Download download;
        try {
            desk.locator("#send .downloads").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            download = desk.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(15_000), () -> desk.locator(
                            "#send form:has(input[name=format][value='pain.001.001.09']) button")
                    .click());
        } catch (PlaywrightException noFile) {
            throw new AssertionError(
                    "no file came; the page says: " + desk.locator("main").innerText(), noFile);
        }
        byte[] pain = Files.readAllBytes(download.path());
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_09, pain))
                .isEmpty();
        assertThat(new String(pain, StandardCharsets.UTF_8))
                .contains(paidOrder.get("paymentReference").asString());
        assertThat(stage(paid)).isEqualTo("payout_sent");

        // the bank's next statement shows the transfer leaving: the order completes and the client is told
        JsonNode item =
                itemOf(api().get("/api/v1/exchange/payout-batches/" + batch).json(), paid);
        String fromIban = api().get("/api/v1/exchange/bank-accounts/" + from)
                .json()
                .get("iban")
                .asString();
        byte[] debit = debitStatement(
                fromIban,
                item.get("amount").get("value").asString(),
                item.get("endToEndId").asString(),
                today);
        var imported = keyOf(cashier.username(), "exchange:statements", "exchange:view")
                .send("POST", "/api/v1/exchange/statements", debit, "Content-Type", "application/octet-stream");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(stage(paid)).isEqualTo("completed");
        var mail = Mailbox.await(
                smtp,
                client.email(),
                m -> Mailbox.subject(m)
                                .contains(paidOrder.get("paymentReference").asString())
                        && Mailbox.subject(m).contains("complete"));
        assertThat(Mailbox.subject(mail)).contains("is complete");
    }

    private Page signedIn(VerifiedClients.Client client) {
        var page = newContext("en-GB").newPage();
        page.navigate("/portal/sign-in");
        page.locator("#email").fill(client.email());
        page.locator("#password").fill(Registrations.PASSWORD);
        page.locator("main form button[type=submit]").click();
        waitForPath(page, "/portal/home");
        return page;
    }

    /** Sells {@code euros} EUR for PLN in the portal; the order's id. */
    private static String order(Page page, String euros) {
        page.navigate("/portal/exchange");
        page.locator("#pair").selectOption("EUR/PLN");
        page.locator("#side-sell").check();
        page.locator("#amount").fill(euros);
        page.locator("#currency").selectOption("EUR");
        page.locator("#quote-submit").click();
        page.locator("#accept").click();
        page.waitForURL(Pattern.compile(".*/portal/orders/[0-9a-f-]{36}\\?notice=placed"));
        String url = page.url().substring(0, page.url().indexOf('?'));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String stage(String order) {
        return api().get("/api/v1/operations/" + order).json().get("stage").asString();
    }

    /** The order's reference as the portal prints it (groups of four), as a client types it into a transfer. */
    private static String printed(JsonNode order) {
        return order.get("paymentReference").asString().replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static JsonNode itemOf(JsonNode batch, String order) {
        for (JsonNode item : batch.get("items")) {
            if (order.equals(item.get("orderId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no item for " + order + " in " + batch);
    }

    /** A camt.053 of the payout account: one debit, the transfer with its end-to-end id. */
    private static byte[] debitStatement(String iban, String amount, String endToEndId, LocalDate day) {
        BigDecimal closing = new BigDecimal("100000.00").subtract(new BigDecimal(amount));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                + "<GrpHdr><MsgId>JOURNEY-OUT</MsgId><CreDtTm>" + day + "T18:00:00</CreDtTm></GrpHdr>"
                + "<Stmt><Id>JOURNEY-OUT-" + endToEndId + "</Id><CreDtTm>" + day + "T18:00:00</CreDtTm>"
                + "<FrToDt><FrDtTm>" + day + "T00:00:00</FrDtTm><ToDtTm>" + day + "T23:59:59</ToDtTm></FrToDt>"
                + "<Acct><Id><IBAN>" + iban + "</IBAN></Id><Ccy>PLN</Ccy></Acct>"
                + balance("OPBD", "100000.00", day) + balance("CLBD", closing.toPlainString(), day)
                + "<Ntry><Amt Ccy=\"PLN\">" + amount + "</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>" + day + "</Dt></BookgDt><ValDt><Dt>" + day + "</Dt></ValDt>"
                + "<AcctSvcrRef>OUT-1</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>" + endToEndId
                + "</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"PLN\">" + amount + "</Amt></TxAmt></AmtDtls>"
                + "<RltdPties><Cdtr><Nm>Journey Client</Nm></Cdtr></RltdPties>"
                + "<RmtInf><Ustrd>" + endToEndId + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
                + "</Stmt></BkToCstmrStmt></Document>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String balance(String code, String amount, LocalDate day) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"PLN\">" + amount
                + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>";
    }
}
