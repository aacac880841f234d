package org.opsdesk.banking.payfiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official pain.001 XSDs (test resources, see their PROVENANCE) and a validation that lists every violation.
 * The factory and validator are hardened: secure processing, no external DTD or schema may be fetched.
 */
public final class PainSchemas {

    private static final Schema V03 = load("pain.001.001.03.xsd");
    private static final Schema V09 = load("pain.001.001.09.xsd");

    private PainSchemas() {}

    /** The schema violations of {@code xml} against the schema of {@code format}; empty when it is valid. */
    public static List<String> violations(PayoutFileFormat format, byte[] xml) {
        Schema schema =
                switch (format) {
                    case PAIN_001_001_03 -> V03;
                    case PAIN_001_001_09 -> V09;
                    case CSV -> throw new IllegalArgumentException("CSV has no schema");
                };
        var violations = new ArrayList<String>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collecting(violations));
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            violations.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static Schema load(String name) {
        String path = "/fixtures/schemas/" + name;
        try (InputStream xsd = PainSchemas.class.getResourceAsStream(path)) {
            if (xsd == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("unreadable schema " + path, e);
        }
    }

    /** Collects errors and fatal errors instead of stopping at the first one. */
    private record Collecting(List<String> violations) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            violations.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
