package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutCsvWriterTests {

    @Test
    void writesOneRowPerItemAfterTheHeaderWithCrlfLineEnds() {
        String csv = csv(PayoutBatches.eur().items(3).build());

        assertThat(csv).startsWith(String.join(",", PayoutCsvWriter.HEADER) + "\r\n");
        List<CsvRecord> rows = read(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).getFields())
                .containsExactly(
                        "PAYOUT-2026-0001",
                        "2026-12-08",
                        "Kantor Opsdesk Sp. z o.o.",
                        PayoutBatches.OFFICE_IBAN,
                        "ORDER-1",
                        "Creditor 1",
                        "",
                        "",
                        "",
                        "",
                        "",
                        PayoutBatches.DE_IBAN,
                        "",
                        "",
                        "",
                        "COBADEFFXXX",
                        "1.01",
                        "EUR",
                        "Opsdesk order ORDER-1",
                        "");
    }

    @Test
    void quotesCellsHoldingTheSeparatorAndReadsBackTheSame() {
        String csv = csv(PayoutBatches.diacritics());

        assertThat(csv).contains(",\"Strasse 7, Francois Lefevre\",");
        assertThat(read(csv).get(2).getField(18)).isEqualTo("Strasse 7, Francois Lefevre");
    }

    @Test
    void writesDomesticAccountsAndAmountsAtTheCurrencyScale() {
        List<CsvRecord> rows = read(csv(PayoutBatches.jpy()));

        assertThat(rows.get(1).getFields().subList(11, 18))
                .containsExactly("", "1234567", "JPZGN", "0005001", "", "150000", "JPY");
        assertThat(rows.get(2).getField(16)).isEqualTo("98765");
    }

    @Test
    void writesTheCreditorAddressInItsOwnCells() {
        CsvRecord row = read(csv(PayoutBatches.usd())).get(1);

        assertThat(row.getFields().subList(5, 11))
                .containsExactly("Acme Trading LLC", "Fifth Avenue", "350", "10118", "New York", "US");
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        var item = new PayoutItem(
                "ORDER-9",
                "-Minus Corp",
                new CreditorAccount.ByIban(PayoutBatches.DE_IBAN),
                null,
                new BigDecimal("5.00"),
                "+48 600 100 200 cmd",
                null,
                null);
        CsvRecord row = read(csv(PayoutBatches.eur().item(item).build())).get(1);

        assertThat(row.getField(5)).isEqualTo("'-Minus Corp");
        assertThat(row.getField(18)).isEqualTo("'+48 600 100 200 cmd");
        assertThat(row.getField(16)).isEqualTo("5.00");
    }

    private static String csv(PayoutBatch batch) {
        return new String(PayoutFiles.write(batch, PayoutFileFormat.CSV), StandardCharsets.UTF_8);
    }

    private static List<CsvRecord> read(String csv) {
        return CsvReader.builder().ofCsvRecord(csv).stream().toList();
    }
}
