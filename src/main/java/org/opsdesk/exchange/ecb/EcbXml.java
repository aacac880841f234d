package org.opsdesk.exchange.ecb;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opsdesk.shared.InvalidInput;

/**
 * The {@code eurofxref} XML files: a gesmes envelope holding {@code Cube} > {@code Cube time} > {@code Cube
 * currency rate}, in the ECB's vocabulary namespace. Read with the JDK's StAX parser with DTDs and external
 * entities off; a document that declares a DOCTYPE at all is refused, since no ECB file has one and it is how
 * entity attacks (XXE, billion laughs) begin.
 */
final class EcbXml {

    static final String GESMES = "http://www.gesmes.org/xml/2002-08-01";
    static final String EUROFXREF = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private EcbXml() {}

    static List<EcbDay> days(byte[] file) {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new ByteArrayInputStream(file));
            return read(xml);
        } catch (XMLStreamException e) {
            throw InvalidInput.of("file", "is not well-formed XML" + location(e));
        } finally {
            close(xml);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are not read");
        });
        return factory;
    }

    private static List<EcbDay> read(XMLStreamReader xml) throws XMLStreamException {
        var days = new ArrayList<EcbDay>();
        int depth = 0;
        int dayDepth = -1;
        LocalDate date = null;
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw InvalidInput.of("file", "declares a DOCTYPE or entities, which an ECB rates file never does");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 1) {
                    requireEnvelope(xml);
                } else if (isCube(xml) && xml.getAttributeValue(null, "time") != null) {
                    if (date != null) {
                        throw InvalidInput.of("file", where(xml) + ": a dated Cube inside another");
                    }
                    date = date(xml.getAttributeValue(null, "time"), xml);
                    dayDepth = depth;
                    rates = new LinkedHashMap<>();
                } else if (isCube(xml) && xml.getAttributeValue(null, "currency") != null) {
                    addRate(xml, date, rates);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == dayDepth) {
                    if (rates.isEmpty()) {
                        throw InvalidInput.of("file", where(xml) + ": " + date + " has no rates");
                    }
                    days.add(new EcbDay(date, rates));
                    date = null;
                    dayDepth = -1;
                }
                depth--;
            }
        }
        if (days.isEmpty()) {
            throw InvalidInput.of("file", "holds no Cube with a time and currency rates");
        }
        return days;
    }

    private static String where(XMLStreamReader xml) {
        return "line " + xml.getLocation().getLineNumber();
    }

    private static void requireEnvelope(XMLStreamReader xml) {
        if (!"Envelope".equals(xml.getLocalName()) || !GESMES.equals(xml.getNamespaceURI())) {
            throw InvalidInput.of("file", "is XML but not an ECB gesmes:Envelope (root " + xml.getLocalName() + ")");
        }
    }

    private static boolean isCube(XMLStreamReader xml) {
        return "Cube".equals(xml.getLocalName()) && EUROFXREF.equals(xml.getNamespaceURI());
    }

    private static void addRate(XMLStreamReader xml, LocalDate date, Map<String, BigDecimal> rates) {
        String where = where(xml);
        if (date == null) {
            throw InvalidInput.of("file", where + ": a currency rate outside a dated Cube");
        }
        String currency = RateValues.currency(xml.getAttributeValue(null, "currency"), where);
        String rate = xml.getAttributeValue(null, "rate");
        if (rate == null) {
            throw InvalidInput.of("file", where + ": " + currency + " has no rate");
        }
        if (rates.put(currency, RateValues.rate(rate, where)) != null) {
            throw InvalidInput.of("file", where + ": " + currency + " twice on " + date);
        }
    }

    private static LocalDate date(String value, XMLStreamReader xml) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(
                    "file", where(xml) + ": '" + RateValues.shorten(value) + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String location(XMLStreamException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber() + ")";
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the input is a byte array
            }
        }
    }
}
