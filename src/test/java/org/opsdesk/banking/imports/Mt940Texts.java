package org.opsdesk.banking.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Small MT940 statements the tests write: one account, credits and debits that reconcile. */
final class Mt940Texts {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    private final String iban;
    private final String currency;
    private final String statementId;
    private final LocalDate day;
    private final BigDecimal opening;
    private final List<String> entries = new ArrayList<>();
    private BigDecimal balance;

    private Mt940Texts(String iban, String currency, String statementId, LocalDate day, String opening) {
        this.iban = iban;
        this.currency = currency;
        this.statementId = statementId;
        this.day = day;
        this.opening = new BigDecimal(opening);
        this.balance = this.opening;
    }

    static Mt940Texts statement(String iban, String currency, String statementId, LocalDate day, String opening) {
        return new Mt940Texts(iban, currency, statementId, day, opening);
    }

    Mt940Texts credit(String amount, String remittance) {
        return entry("C", amount, remittance);
    }

    Mt940Texts debit(String amount, String remittance) {
        return entry("D", amount, remittance);
    }

    /** An entry whose :86: carries an end-to-end id (ING's structured /EREF/) before its remittance. */
    Mt940Texts withEndToEnd(String mark, String amount, String endToEndId, String remittance) {
        return entry(mark, amount, "x").replaceLastNarrative("/EREF/" + endToEndId + "/REMI/" + remittance);
    }

    /** A credit from the account {@code iban} of {@code name} (slash tags /IBAN/ /NAME/ /REMI/, as ING writes). */
    Mt940Texts creditFrom(String amount, String iban, String name, String remittance) {
        return entry("C", amount, "x").replaceLastNarrative("/IBAN/" + iban + "/NAME/" + name + "/REMI/" + remittance);
    }

    private Mt940Texts replaceLastNarrative(String narrative) {
        String last = entries.remove(entries.size() - 1);
        entries.add(last.substring(0, last.indexOf(":86:")) + ":86:" + narrative + "\r\n");
        return this;
    }

    private Mt940Texts entry(String mark, String amount, String remittance) {
        BigDecimal value = new BigDecimal(amount);
        balance = "C".equals(mark) ? balance.add(value) : balance.subtract(value);
        entries.add(":61:" + day.format(YYMMDD) + day.format(MMDD) + mark + comma(value) + "NTRFNONREF\r\n"
                + ":86:/REMI/" + remittance + "\r\n");
        return this;
    }

    /** The statement's closing balance so far. */
    BigDecimal closing() {
        return balance;
    }

    String text() {
        return ":20:" + statementId + "\r\n"
                + ":25:" + iban + "\r\n"
                + ":28C:" + statementId.replaceAll("\\D", "") + "/1\r\n"
                + ":60F:" + sign(opening) + day.format(YYMMDD) + currency + comma(opening.abs()) + "\r\n"
                + String.join("", entries)
                + ":62F:" + sign(balance) + day.format(YYMMDD) + currency + comma(balance.abs()) + "\r\n"
                + "-\r\n";
    }

    byte[] bytes() {
        return text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String sign(BigDecimal amount) {
        return amount.signum() < 0 ? "D" : "C";
    }

    private static String comma(BigDecimal amount) {
        String plain = amount.toPlainString();
        return plain.contains(".") ? plain.replace('.', ',') : plain + ",";
    }
}
