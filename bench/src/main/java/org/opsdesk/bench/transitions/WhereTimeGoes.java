package org.opsdesk.bench.transitions;

import java.util.Locale;
import java.util.Map;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.load.Run;

/**
 * "Where the time goes": per run, the client's and the app's mean, Hikari's connection times, the CPU split
 * (app, PostgreSQL, load generator, others, iowait) and the database's work per transaction; then a reading.
 */
final class WhereTimeGoes {

    private final RunResults results;
    private final Map<String, String> machine;

    WhereTimeGoes(RunResults results, Map<String, String> machine) {
        this.results = results;
        this.machine = machine;
    }

    String markdown() {
        var b = new StringBuilder();
        b.append("#### Where the time goes\n\n");
        b.append("Per run, over the measured window: the client's mean latency; the app's own mean time per "
                + "transition (Micrometer `http.server.requests`, which starts before Spring Security); the "
                + "time a pooled connection was held and the time spent waiting for one, per transition "
                + "(Hikari `usage`/`acquire`; the API-key lookup takes its own connection before the "
                + "transaction does; the outbox relay and timer poller use some too); and the CPU used by "
                + "each party as a share of the machine (100% = every core busy): the app JVM, PostgreSQL "
                + "(all its processes), the load generator (the harness JVM's clients, or the wrk process), and every other process on the machine (other "
                + "people's builds and tests share it), plus iowait; and CPU-milliseconds per "
                + "transition; and, from `pg_stat_database`, the database's commits and buffer accesses per transition (everything "
                + "on the database counts: the outbox relay's batches too; approximate, because each backend reports its counts at most once a second "
                + "and an idle one later). Hikari records connection usage in whole milliseconds (truncated), so "
                + "\"connection held\" understates sub-millisecond transactions.\n\n");
        b.append(
                "| Run | Clients | client mean | app mean (http.server.requests) | connection held / tx | connection wait / tx | CPU app JVM | CPU PostgreSQL | CPU load generator | CPU other processes | iowait | CPU-ms per tx app / PG / client | PG commits / tx | PG buffer accesses / tx |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run[] r : results.transitions) {
            for (Run x : r) {
                b.append(whereRow(x, x == r[0]));
            }
        }
        for (Run c : results.creations) {
            b.append(whereRow(c, true));
        }
        b.append('\n');
        b.append(reading());
        return b.toString();
    }

    /** A few sentences computed from the figures above: what bounds the ratio on this machine. */
    private String reading() {
        var b = new StringBuilder();
        Run[] top = results.transitions.get(results.transitions.size() - 1);
        Run api = top[0], raw = top[1];
        double na = Math.max(1, api.ok()), nr = Math.max(1, raw.ok());
        double appA = 1000 * api.window().cpu().app() / na,
                pgA = 1000 * api.window().cpu().postgres() / na,
                clA = 1000 * api.window().cpu().generator() / na;
        double appR = 1000 * raw.window().cpu().app() / nr,
                pgR = 1000 * raw.window().cpu().postgres() / nr,
                clR = 1000 * raw.window().cpu().generator() / nr;
        double totA = appA + pgA + clA, totR = appR + pgR + clR;
        double cap = cores(machine);
        double busyA = (api.window().cpu().app()
                        + api.window().cpu().postgres()
                        + api.window().cpu().generator()
                        + api.window().cpu().others())
                / (api.window().cpu().wall() * cap);
        b.append(String.format(
                Locale.ROOT,
                "Reading (computed from the table): at %d clients the machine was %.0f%% busy during the API run. "
                        + "A transition through the API cost %.2f CPU-ms in all (app %.2f, PostgreSQL %.2f, load "
                        + "generator %.2f); the raw-SQL transaction %.2f CPU-ms (PostgreSQL %.2f, load generator "
                        + "%.2f, the app's outbox relay %.2f). When the cores are the limit, API/raw cannot exceed "
                        + "%.0f%% here (measured: %.0f%%); even an app that cost nothing would be held to %.0f%% by "
                        + "the extra PostgreSQL work and the HTTP client's cost.",
                api.clients(),
                100 * busyA,
                totA,
                appA,
                pgA,
                clA,
                totR,
                pgR,
                clR,
                appR,
                100 * totR / totA,
                100 * api.throughput() / raw.throughput(),
                100 * totR / (pgA + clA)));
        Run[] one = results.find(1);
        if (one != null) {
            Double count = one[0].window().server().get("http_server_requests_seconds_count");
            Double sum = one[0].window().server().get("http_server_requests_seconds_sum");
            if (count != null && count > 0) {
                double appMean = 1000 * sum / count;
                b.append(String.format(
                        Locale.ROOT,
                        " At 1 client (no queueing) the API's mean of %.2f ms splits into %.2f ms outside the "
                                + "app's own timing (HTTP client, loopback, Tomcat before the observation filter) "
                                + "and %.2f ms inside it, of which the raw transaction's %.2f ms is the database "
                                + "work; the remaining %.2f ms is the app (filters, API-key lookup, MVC, JSON, "
                                + "validation, the transaction's own code).",
                        one[0].latency().mean(),
                        one[0].latency().mean() - appMean,
                        appMean,
                        one[1].latency().mean(),
                        appMean - one[1].latency().mean()));
            }
        }
        return b.append("\n\n").toString();
    }

    private String whereRow(Run x, boolean api) {
        double n = Math.max(1, x.ok() + x.measuredErrors());
        Double count = x.window().server().get("http_server_requests_seconds_count");
        Double sum = x.window().server().get("http_server_requests_seconds_sum");
        Double usage = x.window().server().get("hikaricp_connections_usage_seconds_sum");
        Double acquire = x.window().server().get("hikaricp_connections_acquire_seconds_sum");
        String appMean = api && count != null && count > 0 ? ms(sum / count * 1000) : "–";
        String held = api && usage != null ? ms(usage / n * 1000) : "–";
        String wait = api && acquire != null ? ms(acquire / n * 1000) : "–";
        double cap = x.window().cpu().wall() * cores(machine);
        String commits = x.window().db() == null
                ? "–"
                : String.format(Locale.ROOT, "%.2f", x.window().db()[0] / n);
        String buffers = x.window().db() == null
                ? "–"
                : String.format(Locale.ROOT, "%.0f", x.window().db()[2] / n);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.2f / %.2f / %.2f | %s | %s |\n",
                x.label(),
                x.clients(),
                ms(x.latency().mean()),
                appMean,
                held,
                wait,
                100 * x.window().cpu().app() / cap,
                100 * x.window().cpu().postgres() / cap,
                100 * x.window().cpu().generator() / cap,
                100 * x.window().cpu().others() / cap,
                100 * x.window().cpu().iowait() / cap,
                1000 * x.window().cpu().app() / n,
                1000 * x.window().cpu().postgres() / n,
                1000 * x.window().cpu().generator() / n,
                commits,
                buffers);
    }

    static int cores(Map<String, String> machine) {
        return Machine.cores(machine);
    }

    private static String ms(double v) {
        return Latency.format(v);
    }
}
