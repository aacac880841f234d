package org.opsdesk.banking.formats;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Reads an XML file once, with the JDK's StAX parser hardened (no DTD processing, no external entities or
 * schemas), before Prowide's JAXB sees it: a document type declaration — the carrier of external entities and of
 * entity expansion bombs — is refused outright, and so is anything not well-formed. What it learns on the way is
 * the namespace of the first ISO 20022 {@code Document} and the encoding the parser decoded.
 */
final class XmlGuard {

    /** What a guarded document is: its camt namespace (if any) and the text to hand to Prowide. */
    record Checked(@Nullable String namespace, String text) {}

    private static final String ISO_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private XmlGuard() {}

    static Checked check(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        String namespace = null;
        String encoding;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            encoding = reader.getEncoding();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw forbidden();
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw forbidden();
                }
                if (namespace == null && event == XMLStreamConstants.START_ELEMENT) {
                    String uri = reader.getNamespaceURI();
                    if (uri != null && uri.startsWith(ISO_PREFIX)) {
                        namespace = uri.substring(ISO_PREFIX.length());
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException notWellFormed) {
            if (declaresDocumentType(content)) {
                throw forbidden();
            }
            throw new StatementFileRefused(
                    Reason.NOT_XML, "file", "is not well-formed XML: " + firstLine(notWellFormed.getMessage()));
        }
        String text = new String(content, charset(encoding));
        return new Checked(namespace, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static StatementFileRefused forbidden() {
        return new StatementFileRefused(
                Reason.FORBIDDEN_XML,
                "file",
                "declares a document type (DOCTYPE/ENTITY); statement files never need one and it is refused");
    }

    /** Whether a DOCTYPE declaration appears in the prolog, when the parser stopped before reporting it. */
    private static boolean declaresDocumentType(byte[] content) {
        String head =
                new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
    }

    private static java.nio.charset.Charset charset(@Nullable String encoding) {
        try {
            return encoding == null
                    ? java.nio.charset.StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(encoding);
        } catch (RuntimeException unknown) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().reduce((a, b) -> b).orElse(message);
    }
}
