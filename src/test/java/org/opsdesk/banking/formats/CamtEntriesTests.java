package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * camt cases the public files do not cover, on a camt.053.001.08 this test writes: a batch entry split into its
 * transaction details, an entry described only by {@code AddtlNtryInf}, dates given as date-times with an offset,
 * and a pending entry left out.
 */
class CamtEntriesTests {

    private static final String STATEMENT =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-04-01T06:00:00+02:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>STMT-2024-03-31</Id>
                  <ElctrncSeqNb>90</ElctrncSeqNb>
                  <FrToDt><FrDtTm>2024-03-31T00:00:00+02:00</FrDtTm><ToDtTm>2024-03-31T23:59:59+02:00</ToDtTm></FrToDt>
                  <Acct><Id><IBAN>PL61 1090 1014 0000 0712 1981 2874</IBAN></Id><Ccy>PLN</Ccy></Acct>
                  <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="PLN">1000.00</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-30</Dt></Dt></Bal>
                  <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="PLN">1285.50</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-31</Dt></Dt></Bal>
                  <Ntry>
                    <Amt Ccy="PLN">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><DtTm>2024-03-31T23:30:00+02:00</DtTm></BookgDt><ValDt><Dt>2024-04-02</Dt></ValDt>
                    <AcctSvcrRef>BATCH-77</AcctSvcrRef>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>BOOK</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <NtryDtls>
                      <TxDtls>
                        <Refs><EndToEndId>EX-ORDER-1</EndToEndId></Refs>
                        <Amt Ccy="PLN">120.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <RltdPties><Dbtr><Pty><Nm>Anna Nowak</Nm></Pty></Dbtr>
                          <DbtrAcct><Id><IBAN>PL27114020040000300201355387</IBAN></Id></DbtrAcct></RltdPties>
                        <RltdAgts><DbtrAgt><FinInstnId><BICFI>BREXPLPWXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>
                        <RmtInf><Ustrd>Order EX-7K3Q</Ustrd><Ustrd>  payment   one</Ustrd></RmtInf>
                      </TxDtls>
                      <TxDtls>
                        <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                        <Amt Ccy="PLN">180.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <RltdPties><Dbtr><Pty><Nm>Jan Kowalski</Nm></Pty></Dbtr></RltdPties>
                        <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                      </TxDtls>
                    </NtryDtls>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="PLN">14.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2024-03-31</Dt></BookgDt>
                    <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>
                    <AddtlNtryInf>Account fee
                      March 2024</AddtlNtryInf>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="PLN">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                    <BookgDt><Dt>2024-03-31</Dt></BookgDt>
                    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>BOOK</SubFmlyCd></Fmly></Domn></BkTxCd>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    private final ReadFile file = new StatementFiles().read(STATEMENT.strip().getBytes(StandardCharsets.UTF_8), null);
    private final ParsedStatement statement = file.statements().get(0);

    @Test
    void splitsABatchEntryIntoOneEntryPerTransactionDetail() {
        List<ParsedEntry> entries = statement.entries();

        assertThat(entries).hasSize(3);
        ParsedEntry first = entries.get(0);
        assertThat(first.amount().toString()).isEqualTo("120.00 PLN");
        assertThat(first.direction()).isEqualTo(Direction.CREDIT);
        assertThat(first.counterparty())
                .isEqualTo(new Counterparty("Anna Nowak", "PL27114020040000300201355387", "BREXPLPWXXX"));
        assertThat(first.remittance()).isEqualTo("Order EX-7K3Q payment one");
        assertThat(first.endToEndId()).isEqualTo("EX-ORDER-1");
        assertThat(first.bankReference()).isEqualTo("BATCH-77");
        ParsedEntry second = entries.get(1);
        assertThat(second.amount().toString()).isEqualTo("180.00 PLN");
        assertThat(second.remittance()).isEqualTo("RF18539007547034");
        assertThat(second.endToEndId()).isNull();
    }

    @Test
    void describesAnEntryWithoutDetailsByItsAdditionalInformation() {
        ParsedEntry fee = statement.entries().get(2);

        assertThat(fee.direction()).isEqualTo(Direction.DEBIT);
        assertThat(fee.remittance()).isEqualTo("Account fee March 2024");
        assertThat(fee.counterparty()).isEqualTo(Counterparty.NONE);
    }

    @Test
    void keepsTheBanksCalendarDayOfADateTime() {
        assertThat(statement.entries().get(0).bookingDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(statement.entries().get(0).valueDate()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(statement.from()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(statement.to()).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void leavesPendingEntriesOutWithAWarning() {
        assertThat(file.warnings()).singleElement().asString().contains("PDNG");
        assertThat(statement.closingBalance().toString()).isEqualTo("1285.50 PLN");
    }

    @Test
    void normalisesTheAccountAndKeepsTheStatementIdentity() {
        assertThat(statement.accountIdentifier()).isEqualTo("PL61109010140000071219812874");
        assertThat(statement.statementId()).isEqualTo("STMT-2024-03-31");
        assertThat(statement.sequence()).isEqualTo("90");
        assertThat(file.variant()).isEqualTo("camt.053.001.08");
    }
}
