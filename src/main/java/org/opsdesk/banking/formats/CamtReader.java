package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400104;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Reads camt.053 and camt.054 (v02, v04, v08) with Prowide's MX model: the version comes from the document's
 * namespace, the message class of that version parses it, and that version's adapter copies it into {@link
 * CamtStatement}s.
 */
final class CamtReader {

    private static final Map<String, Function<String, List<CamtStatement>>> VERSIONS = Map.of(
            "camt.053.001.02", xml -> CamtV02.statements(parsed(MxCamt05300102.parse(xml))),
            "camt.053.001.04", xml -> CamtV04.statements(parsed(MxCamt05300104.parse(xml))),
            "camt.053.001.08", xml -> CamtV08.statements(parsed(MxCamt05300108.parse(xml))),
            "camt.054.001.02", xml -> CamtV02.notifications(parsed(MxCamt05400102.parse(xml))),
            "camt.054.001.04", xml -> CamtV04.notifications(parsed(MxCamt05400104.parse(xml))),
            "camt.054.001.08", xml -> CamtV08.notifications(parsed(MxCamt05400108.parse(xml))));

    private CamtReader() {}

    static boolean supports(String namespace) {
        return VERSIONS.containsKey(namespace);
    }

    static ReadFile read(String namespace, String xml) {
        var version = VERSIONS.get(namespace);
        if (version == null) {
            throw new StatementFileRefused(
                    Reason.UNSUPPORTED_VERSION,
                    "file",
                    namespace + " is not read; camt.053 and camt.054 in versions 001.02, 001.04 and 001.08 are");
        }
        List<CamtStatement> camt;
        try {
            camt = version.apply(xml);
        } catch (StatementFileRefused refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw new StatementFileRefused(Reason.MALFORMED, "file", "is not a readable " + namespace + " message");
        }
        var assembler = new CamtStatements();
        List<ParsedStatement> statements = new ArrayList<>();
        for (int i = 0; i < camt.size(); i++) {
            statements.add(assembler.statement(i, camt.get(i)));
        }
        StatementFormat format = namespace.startsWith("camt.053") ? StatementFormat.CAMT_053 : StatementFormat.CAMT_054;
        return new ReadFile(format, namespace, statements, assembler.warnings());
    }

    /** Prowide answers {@code null} (not an exception) when the document does not fit the message class. */
    private static <T> T parsed(T message) {
        return Objects.requireNonNull(message, "the document does not match its namespace's message definition");
    }
}
