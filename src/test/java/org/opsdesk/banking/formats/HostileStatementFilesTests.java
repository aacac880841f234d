package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/** Files that must be refused quickly, with a reason the API can answer: nothing reaches Prowide that should not. */
class HostileStatementFilesTests {

    private static final Duration FAST = Duration.ofSeconds(1);
    private static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private final StatementFiles files = new StatementFiles();

    @Test
    void refusesExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Document xmlns=\"" + CAMT_053 + "\"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>";

        assertRefusedFast(xxe.getBytes(StandardCharsets.UTF_8), Reason.FORBIDDEN_XML, "file");
    }

    @Test
    void refusesEntityExpansionBomb() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            bomb.append("<!ENTITY lol").append(level).append(" \"");
            bomb.append(("&lol" + (level == 1 ? "" : level - 1) + ";").repeat(10));
            bomb.append("\">");
        }
        bomb.append("]>\n<Document xmlns=\"" + CAMT_053 + "\">&lol9;</Document>");

        assertRefusedFast(bomb.toString().getBytes(StandardCharsets.UTF_8), Reason.FORBIDDEN_XML, "file");
    }

    @Test
    void refusesExternalDtdWithoutFetchingIt() {
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document SYSTEM \"http://192.0.2.1/camt.dtd\">\n"
                + "<Document xmlns=\"" + CAMT_053 + "\"/>";

        assertRefusedFast(external.getBytes(StandardCharsets.UTF_8), Reason.FORBIDDEN_XML, "file");
    }

    @Test
    void refusesElementsNestedDeeperThanAnyStatement() {
        String deep = "<Document xmlns=\"" + CAMT_053 + "\">" + "<a>".repeat(100_000) + "</a>".repeat(100_000)
                + "</Document>";

        assertRefusedFast(deep.getBytes(StandardCharsets.UTF_8), Reason.FORBIDDEN_XML, "file");
    }

    @Test
    void refusesTruncatedXml() {
        byte[] whole = StatementFixtures.bytes("camt053/iso-business-example-camt053-v02-sek-fx.xml");

        assertRefusedFast(Arrays.copyOf(whole, whole.length / 2), Reason.NOT_XML, "file");
    }

    @Test
    void refusesBinaryClaimingToBeXml() {
        byte[] binary = {'<', 0, 1, 2, (byte) 0xFF, (byte) 0xFE, 'P', 'K', 3, 4};

        assertRefusedFast(binary, Reason.NOT_XML, "file");
    }

    @Test
    void refusesXmlThatIsNoCamtStatement() {
        String html = "<html><body>statement</body></html>";

        assertRefusedFast(html.getBytes(StandardCharsets.UTF_8), Reason.UNKNOWN_FORMAT, "file");
    }

    @Test
    void refusesCamtVersionsItDoesNotRead() {
        String v06 = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.06\"/>";

        assertRefusedFast(v06.getBytes(StandardCharsets.UTF_8), Reason.UNSUPPORTED_VERSION, "file");
    }

    @Test
    void refusesMt940CutOffInsideAStatement() {
        byte[] whole = StatementFixtures.bytes("mt940/nl-rabobank-structured-multistatement.sta");
        byte[] cut = Arrays.copyOf(whole, whole.length - 200);

        assertRefusedFast(cut, Reason.TRUNCATED, "statements[1]");
    }

    @Test
    void refusesSwiftBlockWithoutItsEnd() {
        String text = new String(
                StatementFixtures.bytes("mt940/nl-ing-ming-structured-eref-cntp-remi.sta"), StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf(":62F:")).getBytes(StandardCharsets.UTF_8);

        assertRefusedFast(cut, Reason.TRUNCATED, "statements[0]");
    }

    @Test
    void refusesMt940AmountBeyondTheCurrencyScale() {
        String mt940 = ":20:REF1\r\n:25:NL20INGB0001234567\r\n:28C:1/1\r\n:60F:C240101EUR100,00\r\n"
                + ":61:2401020102C10,005NTRFNONREF\r\n:86:/REMI/too precise\r\n:62F:C240102EUR110,01\r\n-";

        assertRefusedFast(
                mt940.getBytes(StandardCharsets.UTF_8), Reason.AMOUNT_SCALE, "statements[0].entries[0].amount");
    }

    @Test
    void refusesCamtAmountBeyondTheCurrencyScale() {
        // warm the JAXB context once, as any running importer has: the limit is about the refusal, not start-up
        StatementFixtures.read("camt053/iso-business-example-camt053-v02-sek-fx.xml");
        String yen = new String(
                        StatementFixtures.bytes("camt053/genkgo-camt053-v02-multi-statement.xml"),
                        StandardCharsets.UTF_8)
                .replaceFirst("<Amt Ccy=\"EUR\">18.15</Amt>", "<Amt Ccy=\"JPY\">18.15</Amt>");

        assertRefusedFast(yen.getBytes(StandardCharsets.UTF_8), Reason.AMOUNT_SCALE, "statements[0].openingBalance");
    }

    @Test
    void refusesAmountsWithMoreIntegerDigitsThanAnyAccountHolds() {
        String mt940 = ":20:REF1\r\n:25:NL20INGB0001234567\r\n:28C:1/1\r\n:60F:C240101EUR1234567890123456789,00\r\n"
                + ":62F:C240102EUR1234567890123456789,00\r\n-";

        assertRefusedFast(mt940.getBytes(StandardCharsets.UTF_8), Reason.AMOUNT_SCALE, "statements[0].openingBalance");
    }

    @Test
    void refusesFilesOverTheConfiguredSizeWith413() {
        byte[] file = StatementFixtures.bytes("mt940/de-dresdner-blz50880050-sepa-multistatement-86.sta");

        StatementFileRefused refused = catchThrowableOfType(
                StatementFileRefused.class, () -> new StatementFiles(10_000, null).read(file, null));

        assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void refusesTextThatIsNoStatementWhenNoCsvMappingIsChosen() {
        assertRefusedFast(
                "date;amount\n2024-01-01;10\n".getBytes(StandardCharsets.UTF_8), Reason.UNKNOWN_FORMAT, "file");
    }

    private void assertRefusedFast(byte[] content, Reason reason, String field) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowableOfType(StatementFileRefused.class, () -> files.read(content, null));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).isInstanceOfSatisfying(StatementFileRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.field())
                    .isEqualTo(field));
        });
        assertThat(took).isLessThan(FAST);
    }

    @Test
    void neverLetsAnUnexpectedReaderFailureOutAsSomethingElse() {
        byte[] nonsense = ":20:X\r\n:25:Y\r\n:60F:nonsense\r\n:62F:nonsense\r\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> files.read(nonsense, null)).isInstanceOf(StatementFileRefused.class);
    }
}
