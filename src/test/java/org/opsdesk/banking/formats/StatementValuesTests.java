package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known values of real entries, per format and dialect, read back from the copied public files. */
class StatementValuesTests {

    @Test
    void readsRabobankStructuredMt940WithCounterpartyFromThe61SupplementaryLine() {
        ReadFile file = StatementFixtures.read("mt940/nl-rabobank-structured-multistatement.sta");

        assertThat(file.format()).isEqualTo(StatementFormat.MT940);
        assertThat(file.statements()).hasSize(2);
        ParsedStatement first = file.statements().get(0);
        assertThat(first.accountIdentifier()).isEqualTo("NL50RABO0123456789");
        assertThat(first.openingBalance().toString()).isEqualTo("1147.95 EUR");
        assertThat(first.closingBalance().toString()).isEqualTo("1190.35 EUR");
        ParsedEntry nespresso = first.entries().get(0);
        assertThat(nespresso.bookingDate()).isEqualTo(LocalDate.of(2013, 4, 3));
        assertThat(nespresso.amount().toString()).isEqualTo("127.50 EUR");
        assertThat(nespresso.direction()).isEqualTo(Direction.DEBIT);
        assertThat(nespresso.counterparty().iban()).isEqualTo("NL96RBOS0523149468");
        assertThat(nespresso.counterparty().name()).isEqualTo("Nespresso Nederland B.V.");
        assertThat(nespresso.endToEndId()).isEqualTo("02-04-2013 22:56 1120000153447185");
        assertThat(nespresso.remittance()).isEqualTo("674725433 1120000153447185 14144467636004962");
        assertThat(nespresso.bankReference())
                .as("'EREF' only points at the :86:")
                .isNull();
        assertThat(nespresso.raw())
                .startsWith(":61:130403D000000000127,50N102EREF")
                .contains(":86:/EREF/");
    }

    @Test
    void readsGermanSubfieldsReversalsAndDebitBalancesOfTheMultiStatementFile() {
        ReadFile file = StatementFixtures.read("mt940/de-dresdner-blz50880050-sepa-multistatement-86.sta");

        assertThat(file.statements()).hasSize(26);
        assertThat(file.entryCount()).isEqualTo(97);
        assertThat(file.statements().stream()
                        .map(ParsedStatement::accountIdentifier)
                        .distinct())
                .hasSize(20);
        ParsedStatement first = file.statements().get(0);
        assertThat(first.accountIdentifier()).isEqualTo("50880050/0194774600888");
        assertThat(first.openingBalance().toString()).isEqualTo("-1234718.36 EUR");
        ParsedEntry storno = first.entries().get(5);
        assertThat(storno.raw()).startsWith(":61:0709040904RCR204,88");
        assertThat(storno.direction()).as("RC reverses a credit").isEqualTo(Direction.DEBIT);

        ParsedEntry incoming = file.statements().get(1).entries().get(0);
        assertThat(incoming.amount().toString()).isEqualTo("15000.05 EUR");
        assertThat(incoming.direction()).isEqualTo(Direction.CREDIT);
        assertThat(incoming.counterparty().iban()).isEqualTo("DE42100100100043921105");
        assertThat(incoming.counterparty().bic()).isEqualTo("PBNKDEFF100");
        assertThat(incoming.endToEndId()).isEqualTo("EndToEndIdTFNR2000400001");
        assertThat(incoming.bankReference()).isEqualTo("0724710290621954");
    }

    @Test
    void readsSparkasseSvwzRemittanceAndCounterparty() {
        ParsedEntry card = StatementFixtures.read("mt940/de-sparkasse-structured-86.sta")
                .statements()
                .get(0)
                .entries()
                .get(0);

        assertThat(card.amount().toString()).isEqualTo("20.00 EUR");
        assertThat(card.direction()).isEqualTo(Direction.DEBIT);
        assertThat(card.counterparty()).isEqualTo(new Counterparty("ARAL AG", "DE95430800830802029200", "DRESDEFF430"));
        assertThat(card.remittance()).startsWith("2019-02-15T20.10 Debit");
    }

    @Test
    void readsTriodosAndBothAccountsOfTheFile() {
        List<ParsedStatement> statements = StatementFixtures.read("mt940/nl-triodos-gt-subfields-multistatement.sta")
                .statements();

        assertThat(statements)
                .extracting(ParsedStatement::accountIdentifier)
                .containsExactly("TRIODOSBANK/0666666666", "TRIODOSBANK/0999999999");
        ParsedEntry sepa = statements.get(0).entries().get(2);
        assertThat(sepa.counterparty().bic()).isEqualTo("BBBBAA2U");
        assertThat(sepa.counterparty().iban()).isEqualTo("AA99BBBB0555555555");
        assertThat(sepa.remittance()).startsWith("TENAAMSTELLING TEGENREKENING EN ADRES");
    }

    @Test
    void readsMbankMultiAccountFileInIso88592WithPolishLetters() {
        ReadFile file = StatementFixtures.read("mt940/pl-mbank-multi-account-pln-eur-usd-fx.sta");

        assertThat(file.statements()).hasSize(8);
        assertThat(file.entryCount()).isEqualTo(56);
        assertThat(file.statements())
                .extracting(s -> s.openingBalance().currency().code())
                .contains("PLN", "EUR", "USD");
        ParsedStatement pln = file.statements().get(0);
        assertThat(pln.accountIdentifier()).isEqualTo("PL46114010100000579009004001");
        assertThat(pln.entries().get(0).remittance()).isEqualTo("843 OPŁATA POCZTOWA: NORM");
        ParsedEntry transfer = pln.entries().get(5);
        assertThat(transfer.counterparty().name()).isEqualTo("ZAKŁAD WYTWÓRCZY BARON ZAMKOWA 9 86-212 FRĄBORK");
        assertThat(transfer.counterparty().iban()).isEqualTo("87114010100000579009002002");
        assertThat(transfer.remittance()).isEqualTo("TRANSFER ŚRODKÓW");
    }

    @Test
    void readsSohEtxFramedMbankStatement() {
        ParsedStatement statement = StatementFixtures.read("mt940/pl-mbank-iph-collect-soh-etx.sta")
                .statements()
                .get(0);

        assertThat(statement.accountIdentifier()).isEqualTo("PL29114010810000267002001002");
        assertThat(statement.entries()).hasSize(3);
        assertThat(statement.entries().get(0).counterparty().iban()).isEqualTo("56114010810000267002001001");
        assertThat(statement.entries().get(0).bankReference()).isEqualTo("MB170119012058");
    }

    @Test
    void readsIsoBusinessExampleCamt053InBothVersionsAlike() {
        for (String name : List.of(
                "camt053/iso-business-example-camt053-v02-sek-fx.xml",
                "camt053/iso-business-example-camt053-v04-sek-fx.xml")) {
            ReadFile file = StatementFixtures.read(name);
            assertThat(file.format()).isEqualTo(StatementFormat.CAMT_053);
            ParsedStatement statement = file.statements().get(0);
            assertThat(statement.statementId()).isEqualTo("AAAASESS-FP-STAT001");
            assertThat(statement.accountIdentifier()).isEqualTo("50000000054910000003");
            assertThat(statement.openingBalance().toString()).isEqualTo("500000.00 SEK");
            assertThat(statement.closingBalance().toString()).isEqualTo("435678.50 SEK");
            ParsedEntry mueller = statement.entries().get(0);
            assertThat(mueller.amount().toString()).isEqualTo("105678.50 SEK");
            assertThat(mueller.direction()).isEqualTo(Direction.CREDIT);
            assertThat(mueller.bookingDate()).isEqualTo(LocalDate.of(2010, 10, 18));
            assertThat(mueller.counterparty().name()).isEqualTo("MUELLER");
            assertThat(mueller.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
        }
        assertThat(StatementFixtures.read("camt053/iso-business-example-camt053-v02-sek-fx.xml")
                        .variant())
                .isEqualTo("camt.053.001.02");
    }

    @Test
    void readsBothStatementsOfAMultiStatementCamt053() {
        List<ParsedStatement> statements = StatementFixtures.read("camt053/genkgo-camt053-v02-multi-statement.xml")
                .statements();

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).closingBalance())
                .isEqualTo(statements.get(1).openingBalance());
        ParsedEntry debit = statements.get(1).entries().get(0);
        assertThat(debit.amount().toString()).isEqualTo("7.00 EUR");
        assertThat(debit.counterparty().iban()).isEqualTo("NL56AGDH9619008421");
        assertThat(debit.counterparty().name()).isEqualTo("Company Name 2");
        assertThat(debit.endToEndId()).isEqualTo("000000002");
        assertThat(debit.remittance()).isEqualTo("Transaction Description 2");
        assertThat(debit.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
    }

    @Test
    void keepsABatchWhoseDetailsDoNotAddUpAsOneEntryWithAWarning() {
        for (String version : List.of("v02.xml", "v04-ch-ubs.xml", "v08-ch-ubs.xml")) {
            ReadFile file = StatementFixtures.read("camt054/genkgo-camt054-" + version);
            assertThat(file.format()).isEqualTo(StatementFormat.CAMT_054);
            ParsedStatement notification = file.statements().get(0);
            assertThat(notification.openingBalance())
                    .as("camt.054 has no balances")
                    .isNull();
            assertThat(notification.accountIdentifier()).isEqualTo("CH2801234000123456789");
            assertThat(notification.entries()).hasSize(1);
            assertThat(notification.entries().get(0).amount().toString()).isEqualTo("200000.00 SEK");
            assertThat(file.warnings()).singleElement().asString().contains("kept as one entry");
        }
    }

    @Test
    void readsTheV08PartyNestingAndATimeZonedBookingDateOfGenkgosStatement() {
        // the file's balances are in mixed currencies (refused as a whole); its entry is read here below that check
        byte[] file = StatementFixtures.bytes("camt053/genkgo-camt053-v08.xml");
        XmlGuard.Checked xml = XmlGuard.check(file);
        ParsedStatement statement =
                CamtReader.read(xml.namespace(), file).statements().get(0);

        ParsedEntry entry = statement.entries().get(0);
        assertThat(entry.amount().toString()).isEqualTo("8.85 EUR");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(entry.counterparty().name()).isEqualTo("NAME NAME");
        assertThat(entry.counterparty().iban()).isEqualTo("NL56AGDH9619008421");
        assertThat(entry.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
        assertThat(entry.remittance()).isEqualTo("4654654654654654");
        assertThat(statement.from()).isEqualTo(LocalDate.of(2007, 10, 18));
    }
}
