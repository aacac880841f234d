package org.opsdesk.bench.app;

import static org.opsdesk.bench.Bench.log;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readings taken at the edges of a measured window: the app's Micrometer timers for one endpoint and Hikari's
 * (from /actuator/prometheus), the database's counters (pg_stat_database) and the CPU ticks of every party.
 */
public final class ServerProbe implements AutoCloseable {

    private static final List<String> HIKARI = List.of(
            "hikaricp_connections_usage_seconds_sum",
            "hikaricp_connections_usage_seconds_count",
            "hikaricp_connections_acquire_seconds_sum",
            "hikaricp_connections_acquire_seconds_count");

    /** One reading; {@code db} is null when pg_stat_database could not be read. */
    public record Reading(Map<String, Double> server, long[] db, CpuAccounting.Ticks cpu) {}

    /** The differences over a window: server timers, database counters (null if unknown) and the CPU split. */
    public record Window(Map<String, Double> server, long[] db, Cpu cpu) {}

    private final BenchApp app;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Connection stats;

    public ServerProbe(BenchApp app) {
        this.app = app;
    }

    /** Reads everything; {@code uri} and {@code method} select the endpoint's timers (null: none). */
    public Reading read(String uri, String method) {
        Map<String, Double> server = uri == null ? Map.of() : metrics(uri, method);
        long[] db = dbStats();
        return new Reading(server, db, CpuAccounting.now(app.pid()));
    }

    /** CPU only (the delivery benchmark's windows). */
    public CpuAccounting.Ticks cpu() {
        return CpuAccounting.now(app.pid());
    }

    public static Window between(Reading before, Reading after, Cpu.Generator generator) {
        Map<String, Double> server = new LinkedHashMap<>();
        after.server().forEach((k, v) -> server.put(k, v - before.server().getOrDefault(k, 0.0)));
        long[] db = null;
        if (before.db() != null && after.db() != null) {
            db = new long[after.db().length];
            for (int i = 0; i < db.length; i++) {
                db[i] = after.db()[i] - before.db()[i];
            }
        }
        return new Window(server, db, Cpu.between(before.cpu(), after.cpu(), generator));
    }

    /**
     * The database's commits, rollbacks, buffer accesses (hit + read) and rows read so far, from
     * pg_stat_database (flushed by each backend at least once a second, so exact enough over a window).
     */
    synchronized long[] dbStats() {
        try {
            if (stats == null || stats.isClosed()) {
                stats = app.connect(30);
            }
            try (var st = stats.createStatement();
                    var rs = st.executeQuery(
                            "select xact_commit, xact_rollback, blks_hit + blks_read, tup_returned + tup_fetched"
                                    + " from pg_stat_database where datname = current_database()")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        } catch (SQLException e) {
            log("cannot read pg_stat_database: " + e);
            return null;
        }
    }

    /** Micrometer's timers for one endpoint (successes: 200 and 201) plus Hikari's, from /actuator/prometheus. */
    Map<String, Double> metrics(String uri, String method) {
        Map<String, Double> m = new LinkedHashMap<>();
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
                                    .header("Authorization", "Bearer " + app.scrapeToken())
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            if (!text.contains("http_server_requests")) {
                log("/actuator/prometheus answered without request timers: "
                        + text.lines().findFirst().orElse(""));
            }
            for (String line : text.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (line.startsWith("#") || space < 0) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(line.substring(space + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                String series = line.substring(0, space);
                if (series.startsWith("http_server_requests_seconds_")
                        && series.contains("uri=\"" + uri + "\"")
                        && series.contains("method=\"" + method + "\"")
                        && (series.contains("status=\"200\"") || series.contains("status=\"201\""))) {
                    m.merge(series.substring(0, series.indexOf('{')), value, Double::sum);
                }
                for (String h : HIKARI) {
                    if (series.startsWith(h + "{") || series.equals(h)) {
                        m.merge(h, value, Double::sum);
                    }
                }
            }
        } catch (IOException e) {
            log("cannot read /actuator/prometheus: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return m;
    }

    @Override
    public synchronized void close() {
        try {
            if (stats != null) {
                stats.close();
            }
        } catch (SQLException ignored) {
            // the server goes away anyway
        }
    }
}
