package org.opsdesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code EXPLAIN (ANALYZE, BUFFERS)} of one query: the plan, its times and the indexes it used. */
public record Explain(String plan, double executionMs, double planningMs, String indexes) {

    private static final Pattern INDEX =
            Pattern.compile("(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? (using|on) (\\S+)");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
    private static final Pattern PLANNING = Pattern.compile("Planning Time: ([0-9.]+) ms");

    public static Explain of(Connection db, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        double exec = Double.NaN;
        double plan = Double.NaN;
        List<String> indexes = new ArrayList<>();
        for (String l : lines) {
            var m = EXECUTION.matcher(l);
            if (m.find()) {
                exec = Double.parseDouble(m.group(1));
            }
            m = PLANNING.matcher(l);
            if (m.find()) {
                plan = Double.parseDouble(m.group(1));
            }
            m = INDEX.matcher(l);
            if (m.find()) {
                indexes.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)) + " on " + m.group(4));
            }
        }
        return new Explain(
                String.join("\n", lines),
                exec,
                plan,
                indexes.isEmpty() ? "no index (sequential scan)" : String.join(", ", indexes));
    }
}
