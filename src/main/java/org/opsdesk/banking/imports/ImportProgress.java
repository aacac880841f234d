package org.opsdesk.banking.imports;

/**
 * How far one import has come — statements read, entries stored — reported after each slice of entries, so that
 * the console can show it while a large file is stored. One per import, on the importing thread.
 */
final class ImportProgress {

    /** Where the figures go (the import's row, in a transaction of its own). */
    interface Reporter {
        void report(int statementsRead, int entriesStored);
    }

    private final Reporter reporter;
    private int statementsRead;
    private int entriesStored;

    ImportProgress(Reporter reporter) {
        this.reporter = reporter;
    }

    void entriesStored(int count) {
        entriesStored += count;
        reporter.report(statementsRead, entriesStored);
    }

    void statementRead() {
        statementsRead++;
        reporter.report(statementsRead, entriesStored);
    }
}
