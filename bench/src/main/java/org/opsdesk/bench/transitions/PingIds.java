package org.opsdesk.bench.transitions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The seeded bench_ping operations, split in two disjoint halves: the API's (moved over HTTP) and the raw-SQL
 * path's. The API half's stages are tracked client-side (no If-Match) and read back from the database before each
 * run, since wrk tracks its own copy.
 */
final class PingIds {

    final UUID[] api;
    final UUID[] raw;
    /** 1 where the API operation is at pong, 0 at ping. */
    final AtomicIntegerArray apiAtPong;

    PingIds(List<UUID> seeded) {
        int half = seeded.size() / 2;
        this.api = seeded.subList(0, half).toArray(UUID[]::new);
        this.raw = seeded.subList(half, seeded.size()).toArray(UUID[]::new);
        this.apiAtPong = new AtomicIntegerArray(api.length);
    }

    /** The API half's stages as the database has them. */
    void refresh(Connection db) throws SQLException {
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < api.length; i++) {
            index.put(api[i], i);
        }
        try (var ps = db.prepareStatement("select id, stage from operations.operation where id = any(?)")) {
            ps.setArray(1, db.createArrayOf("uuid", api));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    apiAtPong.set(index.get(rs.getObject(1, UUID.class)), "pong".equals(rs.getString(2)) ? 1 : 0);
                }
            }
        }
    }

    /** Writes "id stage" per line for bench/wrk/transitions.lua. */
    Path writeForWrk(Path file) throws IOException {
        var text = new StringBuilder(api.length * 42);
        for (int i = 0; i < api.length; i++) {
            text.append(api[i])
                    .append(' ')
                    .append(apiAtPong.get(i) == 1 ? "pong" : "ping")
                    .append('\n');
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
