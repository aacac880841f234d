package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Bank CSV through saved mappings, on exports this test writes in the two shapes banks use (the public CSV
 * fixtures are copyleft and stay out of the repository): a German-style export (Windows-1252, ';', decimal comma,
 * a preamble, newest first, signed amounts, running balance) and a direction-column export in UTF-8.
 */
class CsvStatementsTests {

    private static final String GERMAN =
            """
            Umsatzanzeige;Datei erstellt am: 05.01.2024
            IBAN;DE27 1002 0500 0001 2345 67
            Buchung;Valuta;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Betrag;Währung;Saldo;Währung
            04.01.2024;04.01.2024;Müller GmbH;Lastschrift;Miete Januar;-1.250,00;EUR;3.750,50;EUR
            03.01.2024;03.01.2024;Jörg Weiß;Gutschrift;"Rechnung 2024-17; Danke";2.000,50;EUR;5.000,50;EUR
            """;

    private static final CsvMapping GERMAN_MAPPING = new CsvMapping(
            ';',
            true,
            "dd.MM.yyyy",
            Charset.forName("windows-1252"),
            3,
            0,
            1,
            5,
            null,
            null,
            null,
            6,
            null,
            null,
            "DE27 1002 0500 0001 2345 67",
            2,
            null,
            List.of(4),
            null,
            null,
            7);

    private static final String DIRECTIONS =
            """
            date,amount,dc,currency,account,payer,iban,text,reference
            2024-02-01,100.00,CR,EUR,NL91ABNA0417164300,Client One,NL02ABNA0123456789,EX-AAAA-1111,BR-1
            2024-02-02,40.10,DR,EUR,NL91ABNA0417164300,Supplier,NL39RABO0300065264,invoice 9,BR-2
            """;

    private static final CsvMapping DIRECTION_MAPPING = new CsvMapping(
            ',',
            false,
            "yyyy-MM-dd",
            StandardCharsets.UTF_8,
            1,
            0,
            null,
            1,
            2,
            "CR",
            "DR",
            3,
            null,
            4,
            null,
            5,
            6,
            List.of(7),
            8,
            null,
            null);

    @Test
    void readsAGermanExportInDateOrderWithBalancesFromTheRunningSaldo() {
        ReadFile file = new StatementFiles().read(GERMAN.getBytes(Charset.forName("windows-1252")), GERMAN_MAPPING);

        assertThat(file.format()).isEqualTo(StatementFormat.CSV);
        ParsedStatement statement = file.statements().get(0);
        assertThat(statement.accountIdentifier()).isEqualTo("DE27100205000001234567");
        assertThat(statement.openingBalance().toString()).isEqualTo("3000.00 EUR");
        assertThat(statement.closingBalance().toString()).isEqualTo("3750.50 EUR");
        ParsedEntry credit = statement.entries().get(0);
        assertThat(credit.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(credit.amount().toString()).isEqualTo("2000.50 EUR");
        assertThat(credit.direction()).isEqualTo(Direction.CREDIT);
        assertThat(credit.counterparty().name()).isEqualTo("Jörg Weiß");
        assertThat(credit.remittance()).isEqualTo("Rechnung 2024-17; Danke");
        assertThat(statement.entries().get(1).direction()).isEqualTo(Direction.DEBIT);
    }

    @Test
    void readsADirectionColumnExportWithoutBalances() {
        ReadFile file = new StatementFiles().read(DIRECTIONS.getBytes(StandardCharsets.UTF_8), DIRECTION_MAPPING);

        ParsedStatement statement = file.statements().get(0);
        assertThat(statement.accountIdentifier()).isEqualTo("NL91ABNA0417164300");
        assertThat(statement.openingBalance()).isNull();
        ParsedEntry first = statement.entries().get(0);
        assertThat(first.counterparty().iban()).isEqualTo("NL02ABNA0123456789");
        assertThat(first.remittance()).isEqualTo("EX-AAAA-1111");
        assertThat(first.bankReference()).isEqualTo("BR-1");
        assertThat(statement.entries().get(1).direction()).isEqualTo(Direction.DEBIT);
        assertThat(statement.entries().get(1).amount().toString()).isEqualTo("40.10 EUR");
    }

    @Test
    void refusesARunningBalanceThatDoesNotFollowTheRows() {
        String broken = GERMAN.replace("3.750,50;EUR", "3.700,50;EUR");

        assertThatThrownBy(() ->
                        new StatementFiles().read(broken.getBytes(Charset.forName("windows-1252")), GERMAN_MAPPING))
                .isInstanceOfSatisfying(
                        StatementDoesNotReconcile.class,
                        refused -> assertThat(refused.difference().toString()).isEqualTo("-50.00 EUR"));
    }

    @Test
    void refusesAnUnknownDirectionMarker() {
        String odd = DIRECTIONS.replace(",DR,", ",XX,");

        assertThatThrownBy(() -> new StatementFiles().read(odd.getBytes(StandardCharsets.UTF_8), DIRECTION_MAPPING))
                .isInstanceOfSatisfying(StatementFileRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(refused.field()).isEqualTo("rows[1].direction");
                });
    }

    @Test
    void stillRecognisesMt940ByContentWhenAMappingIsGiven() {
        byte[] mt940 = StatementFixtures.bytes("mt940/de-sparkasse-structured-86.sta");

        assertThat(new StatementFiles().read(mt940, DIRECTION_MAPPING).format()).isEqualTo(StatementFormat.MT940);
    }
}
