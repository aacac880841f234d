package org.opsdesk.operations;

import java.util.HashMap;
import java.util.Map;
import org.opsdesk.workflow.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the status counters must say: the operations counted from the rows, by type and status. */
final class CountedRows {

    private CountedRows() {}

    static Map<String, Map<Status, Long>> of(JdbcClient jdbc) {
        var counted = new HashMap<String, Map<Status, Long>>();
        jdbc.sql("select type, status, count(*) as n from operations.operation group by type, status")
                .query((rs, row) -> counted.computeIfAbsent(rs.getString("type"), t -> new HashMap<>())
                        .put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counted;
    }
}
