package org.opsdesk.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.support.ApiClient;

/**
 * Small MT940 statements the tests write (their balances reconcile unless a test says otherwise), and office accounts
 * to import them onto: each with a fresh IBAN, in one of this suite's currencies (ILS, TRY, KRW).
 */
public final class StatementTexts {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    /** An office account the test added: its id and IBAN. */
    public record Account(String id, String iban, String currency) {}

    /** One booked movement: a credit (money in) or a debit, with its remittance text and bank reference. */
    public record Movement(boolean credit, String amount, String remittance, String reference) {
        public static Movement in(String amount, String remittance) {
            return new Movement(
                    true,
                    amount,
                    remittance,
                    "REF" + UUID.randomUUID().toString().substring(0, 8));
        }

        public static Movement out(String amount, String remittance) {
            return new Movement(
                    false,
                    amount,
                    remittance,
                    "REF" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    private StatementTexts() {}

    /** Adds an office account in {@code currency} with a fresh Polish IBAN. */
    public static Account account(ApiClient api, String currency) {
        String iban = TestIbans.polish(TestIbans.MBANK);
        var created = api.post(
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"Statement Bank\",\"bic\":\"BREXPLPW\",\"iban\":\"" + iban + "\",\"currency\":\""
                        + currency + "\",\"purpose\":\"both\"}");
        if (created.status() != 201) {
            throw new AssertionError("bank account: " + created.status() + " " + created.body());
        }
        return new Account(created.json().get("id").asString(), iban, currency);
    }

    /**
     * One statement of {@code day}: opening balance, the movements booked that day, and the closing balance they
     * lead to (or {@code closingOverride} when a test wants one that does not reconcile).
     */
    public static String mt940(
            Account account, String statementId, LocalDate day, String opening, List<Movement> movements) {
        BigDecimal closing = new BigDecimal(opening);
        for (Movement m : movements) {
            closing =
                    m.credit() ? closing.add(new BigDecimal(m.amount())) : closing.subtract(new BigDecimal(m.amount()));
        }
        return mt940(account, statementId, day, opening, movements, closing.toPlainString());
    }

    public static String mt940(
            Account account,
            String statementId,
            LocalDate day,
            String opening,
            List<Movement> movements,
            String closing) {
        List<String> lines = new ArrayList<>();
        lines.add(":20:" + statementId);
        lines.add(":25:" + account.iban());
        lines.add(":28C:1/1");
        lines.add(":60F:" + balance(day.minusDays(1), account.currency(), opening));
        for (Movement m : movements) {
            lines.add(":61:" + day.format(YYMMDD) + day.format(MMDD) + (m.credit() ? "C" : "D") + amount(m.amount())
                    + "NTRF" + m.reference() + "//" + m.reference());
            lines.add(":86:" + m.remittance());
        }
        lines.add(":62F:" + balance(day, account.currency(), closing));
        return String.join("\r\n", lines) + "\r\n-";
    }

    /**
     * A camt.054 (v04) notification of one booked credit on {@code day}: entries without balances, as banks send
     * during the day before the statement.
     */
    public static String camt054(Account account, String id, LocalDate day, String amount, String text) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">
                <BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT13:20:00+01:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>%1$s</Id><CreDtTm>%2$sT13:20:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%3$s</IBAN></Id></Acct>
                <Ntry><Amt Ccy="%4$s">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>%2$s</Dt></BookgDt><ValDt><Dt>%2$s</Dt></ValDt><AcctSvcrRef>%1$s/01</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PAYM</Cd><Fmly><Cd>0001</Cd><SubFmlyCd>0005</SubFmlyCd></Fmly></Domn></BkTxCd>
                <AddtlNtryInf>%6$s</AddtlNtryInf></Ntry>
                </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """
                .formatted(id, day, account.iban(), account.currency(), amount, text);
    }

    /**
     * An account in TRY with three statements: S1 (Nov 2) 1000.00 → 1209.50, S2 (Nov 3) → 1309.50, and S3 (Nov 6),
     * which opens at 1400.00 — a statement is missing before it — and closes at 1405.00.
     */
    public static Account threeStatements(ApiClient api) {
        Account account = account(api, "TRY");
        String tag = account.id().substring(0, 8);
        List<String> files = List.of(
                mt940(
                        account,
                        "S1-" + tag,
                        LocalDate.of(2026, 11, 2),
                        "1000.00",
                        List.of(Movement.in("250.00", "ORDER ONE"), Movement.out("40.50", "FEE"))),
                mt940(
                        account,
                        "S2-" + tag,
                        LocalDate.of(2026, 11, 3),
                        "1209.50",
                        List.of(Movement.in("100.00", "ORDER TWO"))),
                mt940(
                        account,
                        "S3-" + tag,
                        LocalDate.of(2026, 11, 6),
                        "1400.00",
                        List.of(Movement.in("5.00", "LATE PAYMENT"))));
        for (String file : files) {
            var imported = importFile(api, "", file);
            if (imported.status() != 201) {
                throw new AssertionError("statement import: " + imported.status() + " " + imported.body());
            }
        }
        return account;
    }

    /** Imports a file through the API as it is ({@code application/octet-stream}); the answer. */
    public static ApiClient.Response importFile(ApiClient api, String query, String file) {
        return api.send(api.request("/api/v1/exchange/statements" + query, "Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(file)));
    }

    private static String balance(LocalDate day, String currency, String amount) {
        BigDecimal value = new BigDecimal(amount);
        return (value.signum() < 0 ? "D" : "C")
                + day.format(YYMMDD)
                + currency
                + amount(value.abs().toPlainString());
    }

    private static String amount(String plain) {
        return plain.contains(".") ? plain.replace('.', ',') : plain + ",";
    }

    /** A saved mapping's JSON for a Turkish bank's export: ';', decimal comma, signed amounts, running balance. */
    public static String csvMapping(String name) {
        return "{\"name\":\"" + name + "\",\"bankName\":\"Garanti BBVA\",\"mapping\":{\"separator\":\";\","
                + "\"decimalComma\":true,\"dateFormat\":\"dd.MM.yyyy\",\"encoding\":\"UTF-8\",\"headerRows\":1,"
                + "\"dateColumn\":0,\"amountColumn\":3,\"currency\":\"TRY\",\"counterpartyNameColumn\":1,"
                + "\"remittanceColumns\":[2],\"balanceColumn\":4}}";
    }
}
