package org.opsdesk.bench.statements;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a camt.053.001.02 statement of one account with one credit per payment (the payer's name, IBAN, an
 * end-to-end id and the remittance text holding the payment reference), opening at zero and closing at their sum.
 */
public final class Camt053File {

    /** One payment into the office's account. */
    public record Payment(BigDecimal amount, String payerName, String payerIban, String remittance) {}

    private Camt053File() {}

    public static byte[] write(String accountIban, String currency, LocalDate day, List<Payment> payments) {
        var out = new ByteArrayOutputStream(payments.size() * 900 + 4096);
        try (Writer xml = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            BigDecimal total = payments.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                    + "<GrpHdr><MsgId>BENCH-" + day + "</MsgId><CreDtTm>" + day + "T18:00:00</CreDtTm></GrpHdr>"
                    + "<Stmt><Id>BENCH-" + day + "-" + payments.size() + "</Id><ElctrncSeqNb>1</ElctrncSeqNb>"
                    + "<CreDtTm>" + day + "T18:00:00</CreDtTm>"
                    + "<FrToDt><FrDtTm>" + day + "T00:00:00</FrDtTm><ToDtTm>" + day + "T23:59:59</ToDtTm></FrToDt>"
                    + "<Acct><Id><IBAN>" + accountIban + "</IBAN></Id><Ccy>" + currency + "</Ccy></Acct>\n");
            balance(xml, "OPBD", BigDecimal.ZERO, currency, day);
            balance(xml, "CLBD", total, currency, day);
            int n = 0;
            for (Payment payment : payments) {
                n++;
                String amount =
                        "<Amt Ccy=\"" + currency + "\">" + payment.amount().toPlainString() + "</Amt>";
                xml.write("<Ntry>" + amount + "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>" + day + "</Dt></BookgDt><ValDt><Dt>" + day + "</Dt></ValDt>"
                        + "<AcctSvcrRef>BANKREF" + n + "</AcctSvcrRef>"
                        + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
                        + "<NtryDtls><TxDtls><Refs><AcctSvcrRef>BANKREF" + n + "</AcctSvcrRef>"
                        + "<EndToEndId>E2E" + n + "</EndToEndId></Refs>"
                        + "<AmtDtls><TxAmt>" + amount + "</TxAmt></AmtDtls>"
                        + "<RltdPties><Dbtr><Nm>" + payment.payerName() + "</Nm></Dbtr>"
                        + "<DbtrAcct><Id><IBAN>" + payment.payerIban() + "</IBAN></Id></DbtrAcct></RltdPties>"
                        + "<RmtInf><Ustrd>" + payment.remittance() + "</Ustrd></RmtInf>"
                        + "</TxDtls></NtryDtls></Ntry>\n");
            }
            xml.write("</Stmt></BkToCstmrStmt></Document>\n");
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static void balance(Writer xml, String code, BigDecimal amount, String currency, LocalDate day)
            throws java.io.IOException {
        xml.write("<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"" + currency + "\">"
                + amount.abs().toPlainString() + "</Amt><CdtDbtInd>" + (amount.signum() < 0 ? "DBIT" : "CRDT")
                + "</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>\n");
    }
}
