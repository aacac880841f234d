package org.opsdesk.exports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationRow;
import org.opsdesk.shared.FormulaGuard;
import org.opsdesk.workflow.Status;

class OperationCsvWriterTests {

    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123456Z");

    @Test
    void prefixesTextCellsThatSpreadsheetsWouldReadAsFormulas() {
        for (String text : new String[] {"=HYPERLINK(x)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(FormulaGuard.cell(text)).as(text).isEqualTo("'" + text);
        }
        assertThat(FormulaGuard.cell("ACME 1=2")).isEqualTo("ACME 1=2");
        assertThat(FormulaGuard.cell(null)).isEmpty();
    }

    @Test
    void writesNegativeAmountsAsPlainNumbersAndTimesInUtc() {
        var out = new ByteArrayOutputStream();
        var csv = new OperationCsvWriter(out, CsvOptions.DEFAULT);

        csv.write(row("-12.50", "-R1"));
        csv.write(row("1E+3", "R2"));
        csv.flush();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(3);
        assertThat(text).contains(",'-R1,").contains(",-12.50,EUR,").contains(",1000,EUR,");
        assertThat(text).contains(",2026-12-05T10:15:30.123456Z,2026-12-05T10:15:30.123456Z,,3,");
        assertThat(csv.rows()).isEqualTo(2);
        assertThat(csv.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void startsWithAByteOrderMarkAndSeparatesWithSemicolonsWhenAsked() {
        var out = new ByteArrayOutputStream();
        var csv = new OperationCsvWriter(out, new CsvOptions(true, ';'));
        csv.write(row("5.00", "a;b"));
        csv.flush();

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("id;type;reference;status;")
                .contains(";\"a;b\";")
                .contains(";5.00;EUR;");
        assertThat(csv.bytes()).isEqualTo(bytes.length);
    }

    static OperationRow row(String amount, String reference) {
        return new OperationRow(
                UUID.randomUUID(),
                "withdrawal",
                reference,
                Status.PENDING,
                "requested",
                "client-1",
                new BigDecimal(amount),
                "EUR",
                null,
                AT,
                AT,
                null,
                3,
                "{}");
    }
}
