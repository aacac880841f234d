package org.opsdesk.exchange.publicrates;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the public rate files: the exchanger-monitor XML ({@code rates} of {@code item}s), the CSV with the same
 * columns, and the JSON of the public API. Deterministic: the same items give the same bytes on every instance.
 */
final class RateFileRenderer {

    static final List<String> COLUMNS = List.of("from", "to", "in", "out", "amount", "minamount", "maxamount", "param");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private RateFileRenderer() {}

    static byte[] xml(List<RateFileItem> items) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rates");
            for (RateFileItem item : items) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("item");
                var values = values(item);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (values.get(i) != null) {
                        xml.writeStartElement(COLUMNS.get(i));
                        xml.writeCharacters(values.get(i));
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException impossible) {
            throw new IllegalStateException("writing the rates XML in memory", impossible);
        }
        return out.toByteArray();
    }

    /** Codes and decimal numbers only: no value needs quoting. */
    static byte[] csv(List<RateFileItem> items) {
        var csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (RateFileItem item : items) {
            var values = values(item);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(values.get(i) == null ? "" : values.get(i));
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(List<RateFileItem> items, Instant updatedAt, JsonMapper mapper) {
        var list = items.stream()
                .map(item -> {
                    var values = values(item);
                    var entry = new LinkedHashMap<String, @Nullable String>();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        entry.put(COLUMNS.get(i), values.get(i));
                    }
                    return entry;
                })
                .toList();
        var body = new LinkedHashMap<String, Object>(); // ordered: the same bytes on every instance
        body.put("updatedAt", updatedAt.toString());
        body.put("items", list);
        return mapper.writeValueAsBytes(body);
    }

    private static List<@Nullable String> values(RateFileItem item) {
        return java.util.Arrays.asList(
                item.from(),
                item.to(),
                item.in(),
                item.out(),
                item.amount(),
                item.minAmount(),
                item.maxAmount(),
                item.param());
    }
}
