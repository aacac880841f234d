package org.opsdesk.banking.formats;

import java.util.List;

/**
 * What a statement file held.
 *
 * @param variant the exact message definition, e.g. {@code camt.053.001.08}, {@code MT940}, {@code CSV}
 * @param warnings what was read but deserves a look (an unknown :86: dialect, a batch whose details do not add up
 *     and was kept as one entry); in English, one sentence each
 */
public record ReadFile(
        StatementFormat format, String variant, List<ParsedStatement> statements, List<String> warnings) {

    public ReadFile {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** How many entries all statements together hold. */
    public int entryCount() {
        return statements.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
