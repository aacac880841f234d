package org.opsdesk.bench.transitions;

import java.util.Locale;
import java.util.Map;
import org.opsdesk.bench.load.OpenModel;
import org.opsdesk.bench.load.Run;

/** The report's load sections: transitions (API vs raw SQL, where the time goes), creation, the open model. */
final class LoadSections {

    private final BenchConfig cfg;
    private final RunResults results;
    private final Map<String, String> machine;

    LoadSections(BenchConfig cfg, RunResults results, Map<String, String> machine) {
        this.cfg = cfg;
        this.results = results;
        this.machine = machine;
    }

    String markdown() {
        var b = new StringBuilder();
        if (!results.transitions.isEmpty()) {
            b.append("### Transitions: HTTP API vs the same transaction as raw SQL\n\n");
            b.append("Both move `bench_ping` operations between the stages `ping` and `pong` (both PENDING); "
                    + "each client owns a disjoint slice of operations and moves them round-robin, so clients "
                    + "never wait for each other's row locks. The API clients and the raw clients use disjoint "
                    + "halves of the `bench_ping` operations.\n\n");
            b.append("- **API**: `POST /api/v1/operations/{id}/transitions` `{\"to\":…,\"reason\":\"bench\"}` "
                            + "with `Authorization: Bearer`, ")
                    .append(
                            cfg.wrk()
                                    ? "sent by wrk (`bench/wrk/transitions.lua`: each wrk thread cycles through its slice, "
                                            + "one keep-alive connection per client; latencies are wrk's)"
                                    : "a minimal HTTP/1.1 keep-alive client on a socket (`PlainHttp`: the JDK HttpClient "
                                            + "cost ≈0.28 CPU-ms per request on the shared cores), one per thread")
                    .append(", the next stage tracked client-side (no If-Match); success = 200.\n");
            b.append("- **Raw SQL**: one JDBC connection per client, autocommit off: `SELECT <the app's columns> "
                    + "… FOR UPDATE`; `UPDATE operations.operation SET stage, status, version = version + 1, "
                    + "updated_at, stage_entered_at, history_head`; `INSERT` the history entry (hash computed "
                    + "in Java like `HistoryChain`); `INSERT` the outbox event (JSON built from a real API "
                    + "event, same shape and size); `COMMIT`.\n\n");
            b.append(String.format(
                    Locale.ROOT,
                    "Event sizes: an API outbox payload is %d bytes, the raw path's average %.0f bytes.\n\n",
                    results.apiEventBytes,
                    results.rawEventBytes));
            b.append(
                    "| Clients | API tx/s | API p50 | API p95 | API p99 | API errors | raw SQL tx/s | raw p50 | raw p95 | raw p99 | raw errors | **API / raw** |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Run[] r : results.transitions) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | **%.0f%%** |\n",
                        r[0].clients(),
                        r[0].throughput(),
                        r[0].latency().p50(),
                        r[0].latency().p95(),
                        r[0].latency().p99(),
                        r[0].measuredErrors(),
                        r[1].throughput(),
                        r[1].latency().p50(),
                        r[1].latency().p95(),
                        r[1].latency().p99(),
                        r[1].measuredErrors(),
                        100 * r[0].throughput() / r[1].throughput()));
            }
            b.append("\nLatency is per request or transaction as the client measured it (the Java clients in "
                    + "nanoseconds into HdrHistogram, wrk in microseconds); throughput is the successes of the "
                    + "measured window divided by its length.\n\n");
            results.warmupErrors.forEach((k, v) -> b.append("Errors during the ")
                    .append(k)
                    .append(" JIT warm-up: `")
                    .append(v.replace("`", "'").replace("\n", " "))
                    .append("`\n\n"));
            for (Run[] r : results.transitions) {
                for (Run x : r) {
                    if (x.errors().total() > 0) {
                        b.append("Errors in ")
                                .append(x.label())
                                .append(" at ")
                                .append(x.clients())
                                .append(" clients (warm-up included): ")
                                .append(x.errors().summary())
                                .append(". ");
                        b.append(x.errors().samplesMarkdown());
                        b.append("\n\n");
                    }
                    if (x.hung()) {
                        b.append("Some ")
                                .append(x.label())
                                .append(" clients at ")
                                .append(x.clients())
                                .append(" were still inside a request 90 s after the window closed.\n\n");
                    }
                }
            }
            b.append(new WhereTimeGoes(results, machine).markdown());
        }
        Run creation = results.creations.isEmpty() ? null : results.creations.get(0);
        if (creation != null) {
            b.append("### Creation\n\n");
            b.append(String.format(
                    Locale.ROOT,
                    "Sent by "
                            + (creation.generator().equals("wrk")
                                    ? "wrk (`bench/wrk/create.lua`)"
                                    : "the JDK HttpClient")
                            + ": "
                            + "`POST /api/v1/operations` (type `withdrawal`, unique references, amount 125.50 EUR, three "
                            + "attributes) at %d clients for %.0f s after %d s of warm-up, on top of the seeded rows: "
                            + "**%.0f operations/s**, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors (success = 201). "
                            + "Each creation writes the operation, its `created` history entry and its outbox event in one "
                            + "transaction.\n\n",
                    creation.clients(),
                    creation.seconds(),
                    cfg.warmup(),
                    creation.throughput(),
                    creation.latency().p50(),
                    creation.latency().p95(),
                    creation.latency().p99(),
                    creation.measuredErrors()));
            for (Run c : results.creations.subList(1, results.creations.size())) {
                b.append(String.format(
                        Locale.ROOT,
                        "Then at %d clients: %.0f operations/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors.\n\n",
                        c.clients(),
                        c.throughput(),
                        c.latency().p50(),
                        c.latency().p95(),
                        c.latency().p99(),
                        c.measuredErrors()));
            }
            if (creation.errors().total() > 0) {
                b.append("Errors: ").append(creation.errors().summary()).append(". ");
                b.append(creation.errors().samplesMarkdown());
                b.append("\n\n");
            }
        }

        openModel(b);
        return b.toString();
    }

    private void openModel(StringBuilder b) {
        if (results.open.isEmpty()) {
            return;
        }
        b.append("### Transitions at a fixed rate (open model)\n\n");
        b.append(String.format(
                Locale.ROOT,
                "`POST /api/v1/operations/{id}/transitions` scheduled at a constant rate whatever the app does "
                        + "(request n at start + n / rate), sent over %d keep-alive connections (`PlainHttp`, one "
                        + "thread each); latency is measured from each request's *intended* send time, so a stall "
                        + "counts for every request it delayed (no coordinated omission), recorded in HdrHistogram. "
                        + "%d s measured per rate after %d s at the same rate unmeasured. Achieved = successes "
                        + "intended in the window / the time until the last of them answered.\n\n",
                cfg.openConnections(),
                cfg.seconds(),
                cfg.warmup()));
        b.append("| target rate | achieved | p50 | p95 | p99 | max | errors | given up | CPU app / PG / client |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (OpenModel.Result r : results.open) {
            var cpu = r.window().cpu();
            double cap = cpu.wall() * WhereTimeGoes.cores(machine);
            b.append(String.format(
                    Locale.ROOT,
                    "| %d/s | %.0f/s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %d | %d | %.0f%% / %.0f%% / %.0f%% |\n",
                    r.targetRate(),
                    r.achievedRate(),
                    r.latency().p50(),
                    r.latency().p95(),
                    r.latency().p99(),
                    r.latency().max(),
                    r.failed(),
                    r.givenUp(),
                    100 * cpu.app() / cap,
                    100 * cpu.postgres() / cap,
                    100 * cpu.generator() / cap));
        }
        b.append('\n');
        for (OpenModel.Result r : results.open) {
            if (r.errors().total() > 0) {
                b.append("Errors at ")
                        .append(r.targetRate())
                        .append("/s: ")
                        .append(r.errors().summary())
                        .append(". ")
                        .append(r.errors().samplesMarkdown())
                        .append("\n\n");
            }
        }
    }
}
