package org.opsdesk.banking.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.matching.PaymentDesk.Order;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A camt.053 statement imported through {@code POST /api/v1/exchange/statements} and matched: the order's payment
 * with its reference split over two remittance lines confirms it, a partial payment (reference in the structured
 * creditor reference) and an unrelated credit wait in the queue; a second import of the file adds and matches
 * nothing.
 */
class StatementImportMatchingIntegrationTests extends IntegrationTest {

    private static UUID aedAccount;

    @Autowired
    PaymentMatching matching;

    PaymentDesk desk;

    @BeforeEach
    void desk() {
        desk = new PaymentDesk(api(), aedAccount);
        aedAccount = desk.aedAccount();
    }

    @Test
    void anImportedStatementsPaymentsAreMatchedOrQueued() {
        String payer = PaymentDesk.payer();
        Order exact = desk.order(PaymentDesk.AUTOMATIC, "1234.50", payer);
        Order partial = desk.order(PaymentDesk.MANUAL, "800.00", payer);
        LocalDate today = clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
        String reference = exact.reference();
        byte[] file = camt053(
                today,
                entry(
                        "1234.50",
                        today,
                        payer,
                        "<Ustrd>Exchange " + reference.substring(0, 9) + "</Ustrd><Ustrd>"
                                + reference.substring(9).toLowerCase() + " thanks</Ustrd>"),
                entry(
                        "500.00",
                        today,
                        payer,
                        "<Strd><CdtrRefInf><Ref>" + partial.reference() + "</Ref></CdtrRefInf></Strd>"),
                entry("42.00", today, PaymentDesk.payer(), "<Ustrd>Birthday present</Ustrd>"));

        var imported = upload(file);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        UUID importId = UUID.fromString(imported.json().get("importId").asString());
        matching.matchImport(importId); // the import may have matched them already: then this finds nothing left
        List<Long> entries = jdbc.sql("select id from banking.statement_entry where import_id = ? order by id")
                .param(importId)
                .query(Long.class)
                .list();
        assertThat(entries).hasSize(3);
        JsonNode confirmed = payment(entries.get(0));
        assertThat(confirmed.get("entry").get("state").asString()).isEqualTo("MATCHED");
        assertThat(confirmed.get("entry").get("orderId").asString()).isEqualTo(exact.id());
        assertThat(desk.stage(exact.id())).isEqualTo("payout_pending");
        assertThat(confirmed.get("raw").asString()).contains("Exchange");
        JsonNode short1 = payment(entries.get(1)).get("entry");
        assertThat(short1.get("queueReason").asString()).isEqualTo("PARTIAL");
        assertThat(short1.get("orderId").asString()).isEqualTo(partial.id());
        assertThat(payment(entries.get(2)).get("entry").get("queueReason").asString())
                .isEqualTo("NO_CANDIDATE");
        assertThat(jdbc.sql("select entries_matched from banking.statement_import where id = ?")
                        .param(importId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        var listed = api().get("/api/v1/exchange/payments?state=all&importId=" + importId);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("items"))
                .extracting(i -> i.get("entryId").asLong())
                .containsExactlyInAnyOrderElementsOf(entries);
        assertThat(api().get("/api/v1/exchange/payments?state=queued&importId=" + importId)
                        .json()
                        .get("items"))
                .hasSize(2);

        var again = upload(file);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("entriesNew").asInt()).isZero();
        assertThat(matching.matchImport(
                        UUID.fromString(again.json().get("importId").asString())))
                .isEqualTo(new PaymentMatching.MatchOutcome(0, 0));
        assertThat(desk.entered(exact.id(), "funds_received")).isEqualTo(1);
    }

    private ApiClient.Response upload(byte[] file) {
        return api().send(
                        "POST",
                        "/api/v1/exchange/statements?bankAccount=" + aedAccount,
                        file,
                        "Content-Type",
                        "application/xml");
    }

    private JsonNode payment(long entry) {
        var answer = api().get("/api/v1/exchange/payments/" + entry);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String entry(String amount, LocalDate booked, String payer, String remittance) {
        return """
                <Ntry><Amt Ccy="AED">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>%s</AcctSvcrRef>
                  <BkTxCd/>
                  <NtryDtls><TxDtls>
                    <RltdPties><Dbtr><Nm>Matching Client</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                    <RmtInf>%s</RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>"""
                .formatted(
                        amount,
                        booked,
                        booked,
                        "REF" + UUID.randomUUID().toString().substring(0, 8),
                        payer,
                        remittance);
    }

    /** A camt.053.001.02 statement of the entries, opening at 0 and closing at their sum. */
    private static byte[] camt053(LocalDate day, String... entries) {
        var total = java.util.Arrays.stream(entries)
                .map(e -> new java.math.BigDecimal(
                        e.substring(e.indexOf('>', e.indexOf("<Amt")) + 1, e.indexOf("</Amt>"))))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        String id = "MATCH-" + UUID.randomUUID();
        String xml =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>%sT18:00:00Z</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%s</Id><CreDtTm>%sT18:00:00Z</CreDtTm>
                      <Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">0.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">%s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>
                      %s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """
                        .formatted(id, day, id, day, day, total.toPlainString(), day, String.join("\n", entries));
        return xml.strip().getBytes(StandardCharsets.UTF_8);
    }
}
