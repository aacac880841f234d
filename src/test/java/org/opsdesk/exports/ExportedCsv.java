package org.opsdesk.exports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An exported file read back with the CSV library, as a spreadsheet user's tool would: rows by column name. */
record ExportedCsv(boolean bom, List<String> header, List<Map<String, String>> rows) {

    static ExportedCsv parse(String body, char separator) {
        boolean bom = body.startsWith("\uFEFF");
        String text = bom ? body.substring(1) : body;
        try (CsvReader<NamedCsvRecord> reader =
                CsvReader.builder().fieldSeparator(separator).ofNamedCsvRecord(text)) {
            var rows = reader.stream().map(NamedCsvRecord::getFieldsAsMap).toList();
            List<String> header = text.isEmpty()
                    ? List.of()
                    : List.of(text.substring(0, text.indexOf('\r')).split(String.valueOf(separator)));
            return new ExportedCsv(bom, header, rows);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Optional<Map<String, String>> byReference(String reference) {
        return rows.stream().filter(r -> r.get("reference").equals(reference)).findFirst();
    }

    List<String> column(String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
