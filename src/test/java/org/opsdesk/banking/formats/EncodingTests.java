package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Polish banks send Windows-1250 or ISO-8859-2; UTF-8 is taken when the bytes are valid UTF-8. */
class EncodingTests {

    private static final String STATEMENT = ":20:ST240105/1\r\n:25:PL61109010140000071219812874\r\n:28C:5/1\r\n"
            + ":60F:C240104PLN1000,00\r\n:61:2401050105CN250,00NTRFNONREF//BR24005001\r\n"
            + ":86:944 PRZELEW KRAJOWY; Z RACH.: 27114020040000300201355387;\r\n"
            + "OD: PAWEŁ ŻÓŁW\r\n"
            + "ŚLĄSKA 5 GDAŃSK; TYT.: ZAPŁATA ZA ŁÓDŹ ŻAGLOWĄ; TNR: 1454110080\r\n"
            + ":62F:C240105PLN1250,00\r\n-";

    @Test
    void readsWindows1250PolishNarrative() {
        ParsedEntry entry = read(STATEMENT.getBytes(Charset.forName("windows-1250")));

        assertThat(entry.remittance()).isEqualTo("ZAPŁATA ZA ŁÓDŹ ŻAGLOWĄ");
        assertThat(entry.counterparty().name()).isEqualTo("PAWEŁ ŻÓŁW ŚLĄSKA 5 GDAŃSK");
        assertThat(entry.counterparty().iban()).isEqualTo("27114020040000300201355387");
    }

    @Test
    void readsIso88592PolishNarrative() {
        assertThat(read(STATEMENT.getBytes(Charset.forName("ISO-8859-2"))).remittance())
                .isEqualTo("ZAPŁATA ZA ŁÓDŹ ŻAGLOWĄ");
    }

    @Test
    void readsUtf8WhenTheBytesAreUtf8() {
        assertThat(read(STATEMENT.getBytes(StandardCharsets.UTF_8)).remittance())
                .isEqualTo("ZAPŁATA ZA ŁÓDŹ ŻAGLOWĄ");
    }

    @Test
    void tellsTheTwoPolishCodePagesApart() {
        assertThat(TextDecoder.likelyPolish("ŚLĄSK".getBytes(Charset.forName("windows-1250"))))
                .isEqualTo(TextDecoder.WINDOWS_1250);
        assertThat(TextDecoder.likelyPolish("ŚLĄSK".getBytes(Charset.forName("ISO-8859-2"))))
                .isEqualTo(TextDecoder.ISO_8859_2);
    }

    private static ParsedEntry read(byte[] content) {
        return new StatementFiles()
                .read(content, null)
                .statements()
                .get(0)
                .entries()
                .get(0);
    }
}
