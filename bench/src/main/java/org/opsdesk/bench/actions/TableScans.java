package org.opsdesk.bench.actions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scans PostgreSQL counted per table (pg_stat_user_tables) over a window, per request: index scans in all, and
 * each table read by a sequential scan with the rows that scan read — what shows a query that misses its index at a
 * million rows, or a page asking the same table again for every row it draws. The app's background work (outbox
 * relay, timers, pollers) scans in the same window; {@link #REPORTED} leaves out what it costs less than once in a
 * hundred requests. The counters are flushed by each backend at most once a second, as pg_stat_database's.
 */
final class TableScans {

    /** A table's sequential scans per request below this are the background's, not the page's. */
    static final double REPORTED = 0.01;

    private record Counts(long seqScans, long seqRows, long idxScans) {}

    private final Map<String, Counts> before;

    private TableScans(Map<String, Counts> before) {
        this.before = before;
    }

    /** The counters now; {@link #per} gives the differences since. */
    static TableScans start(Connection db) throws SQLException {
        return new TableScans(read(db));
    }

    /** What was scanned since {@link #start}, per request, as one line of the report. */
    String per(Connection db, long requests) throws SQLException {
        double n = Math.max(1, requests);
        long idx = 0;
        List<String> seq = new ArrayList<>();
        for (var e : read(db).entrySet()) {
            Counts was = before.getOrDefault(e.getKey(), new Counts(0, 0, 0));
            Counts now = e.getValue();
            idx += now.idxScans() - was.idxScans();
            long scans = now.seqScans() - was.seqScans();
            if (scans / n >= REPORTED) {
                seq.add(String.format(
                        Locale.ROOT,
                        "%s %.2f (%,.0f rows each)",
                        e.getKey(),
                        scans / n,
                        (now.seqRows() - was.seqRows()) / (double) scans));
            }
        }
        return String.format(
                Locale.ROOT,
                "%.1f index scans; sequential scans: %s",
                idx / n,
                seq.isEmpty() ? "none" : String.join(", ", seq));
    }

    private static Map<String, Counts> read(Connection db) throws SQLException {
        Map<String, Counts> counts = new LinkedHashMap<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery("select schemaname || '.' || relname, coalesce(seq_scan, 0),"
                        + " coalesce(seq_tup_read, 0), coalesce(idx_scan, 0) from pg_stat_user_tables order by 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return counts;
    }
}
