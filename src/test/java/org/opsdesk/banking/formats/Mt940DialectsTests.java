package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Envelope habits the public files do not all show: legacy header lines, -XXX terminators, :NS: fields, LF. */
class Mt940DialectsTests {

    private static final String LEGACY = "0000 01INGBNL2AXXXX00001\n"
            + "0000 01INGBNL2AXXXX00001\n"
            + "940 00\n"
            + ":20:INGEB1\n"
            + ":25:  NL20INGB0001234567EUR \n"
            + ":28:00001/01\n"
            + ":60F:C240301EUR500,00\n"
            + ":61:2403010301C125,00NTRFNONREF//INGREF1\n"
            + ":86:/EREF/EX-ORDER-9//CNTP/NL02ABNA0123456789/ABNANL2A/Klant Handel B\n"
            + ".V./AMSTERDAM//REMI/USTD//EX-9QX7 payment/\n"
            + ":NS:22ING internal\n"
            + ":62F:C240301EUR625,00\n"
            + "-XXX\n"
            + "0000 01INGBNL2AXXXX00002\n"
            + "940 00\n"
            + ":20:INGEB2\n"
            + ":25:NL20INGB0001234567EUR\n"
            + ":28C:2/1\n"
            + ":60F:C240301EUR625,00\n"
            + ":61:2403020302D25,00NMSCNONREF\n"
            + ":86:KOSTEN\n"
            + ":62F:C240302EUR600,00\n"
            + "-XXX\n";

    private final ReadFile file = new StatementFiles().read(LEGACY.getBytes(StandardCharsets.UTF_8), null);

    @Test
    void skipsLegacyHeaderLinesAndTerminatorsBetweenStatements() {
        assertThat(file.statements()).hasSize(2);
        assertThat(file.statements())
                .extracting(ParsedStatement::statementId)
                .containsExactly("INGEB1/00001", "INGEB2/2");
        assertThat(file.statements().get(1).openingBalance())
                .isEqualTo(file.statements().get(0).closingBalance());
    }

    @Test
    void normalisesAPaddedIbanWithItsCurrencySuffix() {
        assertThat(file.statements())
                .extracting(ParsedStatement::accountIdentifier)
                .containsOnly("NL20INGB0001234567");
    }

    @Test
    void keepsNonSwiftFieldsInTheRawTextWithoutLettingThemIntoTheNarrativeAndUndoesFixedWidthWraps() {
        ParsedEntry entry = file.statements().get(0).entries().get(0);

        assertThat(entry.endToEndId()).isEqualTo("EX-ORDER-9");
        assertThat(entry.remittance()).isEqualTo("EX-9QX7 payment");
        assertThat(entry.counterparty())
                .isEqualTo(new Counterparty("Klant Handel B.V.", "NL02ABNA0123456789", "ABNANL2A"));
        assertThat(entry.bankReference()).isEqualTo("INGREF1");
        assertThat(entry.raw()).contains(":NS:22ING internal");
    }
}
