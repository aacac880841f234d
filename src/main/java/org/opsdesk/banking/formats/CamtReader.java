package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400104;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification2;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification7;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement4;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Reads camt.053 and camt.054 (v02, v04, v08) with Prowide's MX model: the version comes from the document's
 * namespace, the message class of that version parses it (entry by entry, {@link StreamedEntries}), and that
 * version's adapter copies it into {@link CamtStatement}s.
 */
final class CamtReader {

    /** One camt version: reads the file's bytes into version-free statements. */
    private interface Version {
        List<CamtStatement> read(byte[] content) throws Exception;
    }

    private static final Map<String, Version> VERSIONS = Map.of(
            "camt.053.001.02",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry2.class, CamtV02::entry, s -> ((AccountStatement2) s).getNtry());
                var mx = entries.read(content, MxCamt05300102.class, MxCamt05300102._classes);
                return CamtV02.statements(parsed(mx), entries::of);
            },
            "camt.053.001.04",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry4.class, CamtV04::entry, s -> ((AccountStatement4) s).getNtry());
                var mx = entries.read(content, MxCamt05300104.class, MxCamt05300104._classes);
                return CamtV04.statements(parsed(mx), entries::of);
            },
            "camt.053.001.08",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry10.class, CamtV08::entry, s -> ((AccountStatement9) s).getNtry());
                var mx = entries.read(content, MxCamt05300108.class, MxCamt05300108._classes);
                return CamtV08.statements(parsed(mx), entries::of);
            },
            "camt.054.001.02",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry2.class, CamtV02::entry, n -> ((AccountNotification2) n).getNtry());
                var mx = entries.read(content, MxCamt05400102.class, MxCamt05400102._classes);
                return CamtV02.notifications(parsed(mx), entries::of);
            },
            "camt.054.001.04",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry4.class, CamtV04::entry, n -> ((AccountNotification7) n).getNtry());
                var mx = entries.read(content, MxCamt05400104.class, MxCamt05400104._classes);
                return CamtV04.notifications(parsed(mx), entries::of);
            },
            "camt.054.001.08",
            content -> {
                var entries = new StreamedEntries<>(
                        ReportEntry10.class, CamtV08::entry, n -> ((AccountNotification17) n).getNtry());
                var mx = entries.read(content, MxCamt05400108.class, MxCamt05400108._classes);
                return CamtV08.notifications(parsed(mx), entries::of);
            });

    private CamtReader() {}

    static boolean supports(String namespace) {
        return VERSIONS.containsKey(namespace);
    }

    static ReadFile read(String namespace, byte[] content) {
        var version = VERSIONS.get(namespace);
        if (version == null) {
            throw new StatementFileRefused(
                    Reason.UNSUPPORTED_VERSION,
                    "file",
                    namespace + " is not read; camt.053 and camt.054 in versions 001.02, 001.04 and 001.08 are");
        }
        List<CamtStatement> camt;
        try {
            camt = version.read(content);
        } catch (StatementFileRefused refused) {
            throw refused;
        } catch (Exception unreadable) {
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
