package org.opsdesk.banking.formats;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * entity expansion bombs — is refused outright, and so are elements nested deeper than any camt message goes and
 * anything not well-formed. What it learns on the way is the namespace of the first ISO 20022 element and the
 * encoding the parser decoded.
 */
final class XmlGuard {

    /** What a guarded document is: its ISO 20022 message name, if any. */
    record Checked(@Nullable String namespace) {}

    /** camt.053 nests about 15 levels deep; 64 leaves room for envelopes and stops depth bombs early. */
    static final int MAX_DEPTH = 64;

    private static final String ISO_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private XmlGuard() {}

    static Checked check(byte[] content) {
        String namespace = null;
        String encoding;
        try {
            XMLStreamReader reader = hardenedFactory().createXMLStreamReader(new ByteArrayInputStream(content));
            encoding = reader.getEncoding();
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw forbidden("declares a document type (DOCTYPE/ENTITY); statement files never need one");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > MAX_DEPTH) {
                        throw forbidden("nests elements more than " + MAX_DEPTH + " levels deep");
                    }
                    namespace = namespace != null ? namespace : isoMessage(reader.getNamespaceURI());
                }
            }
            reader.close();
        } catch (XMLStreamException notWellFormed) {
            if (declaresDocumentType(content)) {
                throw forbidden("declares a document type (DOCTYPE/ENTITY); statement files never need one");
            }
            throw new StatementFileRefused(
                    Reason.NOT_XML, "file", "is not well-formed XML: " + reason(notWellFormed.getMessage()));
        }
        return new Checked(namespace);
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static @Nullable String isoMessage(@Nullable String uri) {
        return uri != null && uri.startsWith(ISO_PREFIX) ? uri.substring(ISO_PREFIX.length()) : null;
    }

    private static StatementFileRefused forbidden(String why) {
        return new StatementFileRefused(Reason.FORBIDDEN_XML, "file", why + "; refused");
    }

    /** Whether a DOCTYPE declaration appears in the prolog, when the parser stopped before reporting it. */
    private static boolean declaresDocumentType(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
    }

    private static Charset charset(@Nullable String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The StAX message's last line: the reason, after the "ParseError at [row,col]" line. */
    private static String reason(@Nullable String message) {
        return message == null
                ? "unreadable"
                : message.lines().reduce((first, last) -> last).orElse(message);
    }
}
