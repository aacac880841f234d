package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The :86: dialects, on narratives as banks print them (line breaks where the 65-character lines end). */
class NarrativesTests {

    @Test
    void readsIngCounterpartyAndRemittance() {
        Narrative read = Narratives.read("/EREF/E2E2014030100899040//CNTP/NL08INGB0000001234/INGBNL2A/ING T\r\n"
                + "estrekening/AMSTERDAM//REMI/USTD//UstrdRemInf5878992110/");

        assertThat(read.endToEndId()).isEqualTo("E2E2014030100899040");
        assertThat(read.account()).isEqualTo("NL08INGB0000001234");
        assertThat(read.bic()).isEqualTo("INGBNL2A");
        assertThat(read.name()).isEqualTo("ING Testrekening");
        assertThat(read.remittance()).isEqualTo("UstrdRemInf5878992110");
    }

    @Test
    void readsAbnAmroSepaTagsAndIgnoresNotProvided() {
        Narrative read = Narratives.read("/TRTP/SEPA OVERBOEKING/IBAN/NL25ABNA0987654321/BIC/ABNANL2A/NAME/\n"
                + "FOOBAR/REMI/SAVINGS/EREF/NOTPROVIDED/ORDP//ID/20\n3798473");

        assertThat(read.account()).isEqualTo("NL25ABNA0987654321");
        assertThat(read.bic()).isEqualTo("ABNANL2A");
        assertThat(read.name()).isEqualTo("FOOBAR");
        assertThat(read.remittance()).isEqualTo("SAVINGS");
        assertThat(read.endToEndId()).isNull();
    }

    @Test
    void readsAbnAmroLabelledLegacyText() {
        Narrative read = Narratives.read("SEPA ACCEPTGIROBETALING          IBAN: NL86INGB0002445588\n"
                + "BIC: INGBNL2A                    NAAM: BELASTINGDIENST\n"
                + "BETALINGSKENM.: 1234567890098876 ID DEBITEUR: 777777777");

        assertThat(read.account()).isEqualTo("NL86INGB0002445588");
        assertThat(read.bic()).isEqualTo("INGBNL2A");
        assertThat(read.name()).isEqualTo("BELASTINGDIENST");
        assertThat(read.remittance()).isEqualTo("1234567890098876 ID DEBITEUR: 777777777");
    }

    @Test
    void readsGermanSubfieldsWithSepaKeywordsAcrossFieldBreaks() {
        Narrative read = Narratives.read("109?00SEPA-LASTSCHR. RETOURE CORE?109075/629?20EREF+A1.200080779.\r\n"
                + "400143254?21.4961336 KREF+SEPA-DA202006?2201221740-34972000-P1 MR\r\n"
                + "EF+2?230852HW2723821 CRED+DE41EON0?240000129793 OAMT+11,85 SVWZ+?\r\n"
                + "25SONSTIGE GRUENDE ENDABRECHN?26UNG NR. 500106875 ZU VERTRA?2740\r\n"
                + "0143254, KUNDENNUM MER 2?2802227779?30CSDBDE71XXX?31DE50712345600\r\n"
                + "200691329?32TESTER?33EL");

        assertThat(read.endToEndId()).isEqualTo("A1.200080779.400143254.4961336");
        assertThat(read.remittance()).startsWith("SONSTIGE GRUENDE ENDABRECHNUNG NR. 500106875");
        assertThat(read.bic()).isEqualTo("CSDBDE71XXX");
        assertThat(read.account()).isEqualTo("DE50712345600200691329");
        assertThat(read.name()).isEqualTo("TESTEREL");
    }

    @Test
    void keepsUnstructuredTextAsRemittance() {
        Narrative read = Narratives.read("GIRO AUS ONLINE-SIC 80532 AUFTRAGGEBER: JANE DOE EXAMPLESTRASSE\r\n"
                + " 10 1234 XXXX 131209CH98765432 MITTEILUNGEN: RECHNUNG XXXXXXXXXXXX");

        assertThat(read.name()).startsWith("JANE DOE EXAMPLESTRASSE");
        assertThat(read.remittance()).isEqualTo("RECHNUNG XXXXXXXXXXXX");
        assertThat(Narratives.read("EINZAHLUNGSSCHEIN").remittance()).isEqualTo("EINZAHLUNGSSCHEIN");
    }
}
