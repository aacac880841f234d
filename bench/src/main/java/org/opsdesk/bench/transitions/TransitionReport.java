package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.transitions.Seeder.SEEDED_SUBJECT;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.opsdesk.bench.app.BenchDatabase;
import org.opsdesk.bench.load.Run;

/**
 * The core-engine benchmark's markdown report ("## Core engine (issue 2)"): settings, targets, machine, seeding,
 * the load sections ({@link LoadSections}), the lists and the state after the run.
 */
final class TransitionReport {

    static final String HEADING = "## Core engine (issue 2)";

    BenchConfig cfg;
    ZonedDateTime started;
    ZonedDateTime finished;
    Map<String, String> machine;
    Map<String, String> postgres;
    Map<String, String> after;
    String loadBefore;
    String loadAfter;
    SeedFacts seed;
    RunResults results;
    /** Null when the list phase did not run. */
    ListQueries lists;

    String markdown() {
        var b = new StringBuilder();
        b.append("## Core engine (issue 2)\n\n");
        b.append("Measured by `org.opsdesk.bench.transitions.TransitionBench` (started by `bench/run.sh`) on ")
                .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", one run; it took ")
                .append(Duration.between(started, finished).toSeconds() / 60)
                .append(" min ")
                .append(Duration.between(started, finished).toSeconds() % 60)
                .append(" s. All figures below come from that one run; the machine is small and shared, so "
                        + "read them as medians and ratios of one sitting, not as absolute capacity.\n\n");
        b.append("Command:\n\n```\n").append(cfg.command()).append("\n```\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Settings: %,d seeded operations of the 12 shipped types + %,d `bench_ping` operations; %d s "
                        + "measured per run after %d s of unmeasured warm-up; transition clients %s; creation "
                        + "clients %s; %d sequential requests per list query; HTTP load generator of the "
                        + "closed-loop runs: %s; before the first load run, %d s of API transitions, %d s of API "
                        + "creations and %d s of raw transitions at 4 clients, unmeasured, warm both JVMs' JIT; "
                        + "app JVM `%s`; OPSDESK_DB_POOL_SIZE=%s.\n\n",
                cfg.operations(),
                cfg.pingOperations(),
                cfg.seconds(),
                cfg.warmup(),
                Arrays.toString(cfg.clients()),
                Arrays.toString(cfg.createClients()),
                cfg.listRequests(),
                cfg.wrk() ? "wrk (`wrk -t2 -cN`, bench/wrk/*.lua)" : "the harness's Java clients",
                cfg.jitWarmup(),
                cfg.jitWarmup(),
                Math.min(cfg.jitWarmup(), 10),
                cfg.appJavaOpts(),
                System.getenv().getOrDefault("OPSDESK_DB_POOL_SIZE", "20 (default)")));

        b.append("### Targets\n\n| Target | Measured | Met? |\n|---|---|---|\n");
        Run[] at16 = results.find(16);
        if (at16 != null) {
            double ratio = at16[0].throughput() / at16[1].throughput();
            b.append(String.format(
                    Locale.ROOT,
                    "| Transition throughput through the API ≥ 50%% of raw SQL at 16 clients | %.0f%% (API %.0f/s, raw SQL %.0f/s) | %s |\n",
                    100 * ratio,
                    at16[0].throughput(),
                    at16[1].throughput(),
                    yes(ratio >= 0.5 && at16[0].measuredErrors() == 0)));
        } else {
            b.append(
                    "| Transition throughput through the API ≥ 50% of raw SQL at 16 clients | not measured (no 16-client run) | – |\n");
        }
        Run[] at4 = results.find(4);
        if (at4 != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "| p95 of a single transition through the API < 20 ms at 4 clients | %.2f ms | %s |\n",
                    at4[0].latency().p95(),
                    yes(at4[0].latency().p95() < 20 && at4[0].measuredErrors() == 0)));
        } else {
            b.append("| p95 of a single transition through the API < 20 ms at 4 clients | not measured | – |\n");
        }
        if (!listResults().isEmpty()) {
            for (int i = 0; i < Math.min(3, listResults().size()); i++) {
                ListQueries.ListResult l = listResults().get(i);
                b.append(String.format(
                        Locale.ROOT,
                        "| List p95 < 15 ms at %s rows: %s | %.2f ms | %s |\n",
                        millions(seed.rowsOperation),
                        l.label(),
                        l.latency().p95(),
                        yes(l.latency().p95() < 15 && l.errors() == 0)));
            }
        } else {
            b.append("| List p95 < 15 ms at 1M rows | not measured | – |\n");
        }
        b.append('\n');

        b.append("### Machine\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| `nproc` | ").append(machine.get("nproc")).append(" |\n");
        b.append("| CPU | ").append(machine.get("cpu")).append(" |\n");
        b.append("| kernel | ").append(machine.get("kernel")).append(" |\n");
        b.append("| PostgreSQL | ")
                .append(postgres.get("version()"))
                .append(BenchDatabase.describe())
                .append(" |\n");
        b.append("| PostgreSQL settings | shared_buffers ")
                .append(postgres.get("shared_buffers"))
                .append(", fsync ")
                .append(postgres.get("fsync"))
                .append(", synchronous_commit ")
                .append(postgres.get("synchronous_commit"))
                .append(", full_page_writes ")
                .append(postgres.get("full_page_writes"))
                .append(", max_wal_size ")
                .append(postgres.get("max_wal_size"))
                .append(", max_connections ")
                .append(postgres.get("max_connections"))
                .append(" |\n");
        b.append("| code | commit ")
                .append(machine.get("git"))
                .append("; ")
                .append(machine.get("jar"))
                .append(" |\n\n");
        b.append("`free -h`:\n\n```\n").append(machine.get("free -h")).append("\n```\n\n");
        b.append("`java -version` (the benchmark and the app use the same JVM):\n\n```\n")
                .append(machine.get("java -version"))
                .append("\n```\n\n");
        b.append("The app, its PostgreSQL and the load generator all run on these same cores, so every figure "
                        + "includes the cost of the client too (the CPU split per run is given below). Load average "
                        + "before the run: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append(".\n\n");

        b.append("### Seeding\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%,d operations (%,d of the 12 shipped types + %,d `bench_ping`) and %,d history entries, "
                        + "inserted with `INSERT … SELECT … FROM generate_series` in batches of 100,000 rows "
                        + "(one statement per batch writes the operations and their `created` history rows): "
                        + "**%.1f s** (%,.0f operations/s), then `VACUUM ANALYZE` %.1f s and a `CHECKPOINT` %.1f s "
                        + "so that the measurements do not start inside one. Sizes: `operations.operation` %s "
                        + "(with its indexes), `operations.history_entry` %s, database %s.\n\n",
                seed.rowsOperation,
                cfg.operations(),
                cfg.pingOperations(),
                seed.rowsHistory,
                seed.seedInsertSeconds,
                seed.rowsOperation / seed.seedInsertSeconds,
                seed.vacuumSeconds,
                seed.checkpointSeconds,
                mb(seed.sizeOperation),
                mb(seed.sizeHistory),
                mb(seed.sizeDatabase)));
        b.append("Mix (per 10,000 rows; each type has 10% in PENDING stages, half of them in the initial stage, "
                + "75% SUCCESS, 10% REJECTED, 5% ERROR; amounts for the money types; 10% assigned; created over "
                + "the last 365 days; `subject` = `client-<n mod 200000>`, so about five operations per "
                + "subject): ");
        b.append(SeedMix.MIX.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        b.append(". `workflow_version` of every row is the type's version in `workflow.definition_version` (")
                .append(seed.workflowVersions.entrySet().stream()
                        .map(e -> e.getKey() + " v" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(").\n\n");
        b.append("The seeded history is a placeholder: each seeded row has one `created` entry whose hash is "
                + "`sha256(id::text::bytea)` (and `history_head` the same), so **seeded chains do not verify**. "
                + "Every transition measured below is real: the API computes the chained SHA-256 as always, and "
                + "the raw-SQL path computes it the same way as `HistoryChain` (previous hash + the canonical "
                + "JSON array of the entry).\n\n");

        b.append(new LoadSections(cfg, results, machine).markdown());
        if (!listResults().isEmpty()) {
            b.append("### Lists at ").append(millions(seed.rowsOperation)).append(" operations\n\n");
            b.append(String.format(
                    Locale.ROOT,
                    "Sequential requests by one client after %d s (%,d requests) of unmeasured ones (the first page, 20 cursor pages, 5 subject queries, round and round), `limit=50`, newest first "
                            + "(the default sort). %,d seeded operations match `type=withdrawal&status=PENDING`; "
                            + "%d match `subject=%s`.\n\n",
                    cfg.listWarmup(),
                    lists.warmupRequests,
                    seed.withdrawalPending,
                    seed.subjectRows,
                    SEEDED_SUBJECT));
            b.append(
                    "| Query | Requests | p50 | p95 | p99 | errors | target p95 < 15 ms | notes |\n|---|---:|---:|---:|---:|---:|---|---|\n");
            for (ListQueries.ListResult l : listResults()) {
                boolean api = !l.label().startsWith("raw");
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f ms | %.2f ms | %.2f ms | %d | %s | %s |\n",
                        l.label(),
                        l.requests(),
                        l.latency().p50(),
                        l.latency().p95(),
                        l.latency().p99(),
                        l.errors(),
                        api ? yes(l.latency().p95() < 15 && l.errors() == 0) : "(comparison)",
                        l.extra() + (l.errorSample().isEmpty() ? "" : "; error: " + l.errorSample())));
            }
            b.append('\n');
            if (lists.explainFirst != null) {
                b.append(String.format(
                        Locale.ROOT,
                        "`EXPLAIN (ANALYZE, BUFFERS)` of the first-page query (run once, after the timed "
                                + "requests): execution %.3f ms, planning %.3f ms, %s.\n\n```\n%s\n```\n\n",
                        lists.explainFirst.executionMs(),
                        lists.explainFirst.planningMs(),
                        lists.explainFirst.indexes(),
                        lists.explainFirst.plan()));
                b.append(String.format(
                        Locale.ROOT,
                        "The same for `subject=%s`: execution %.3f ms, planning %.3f ms, %s.\n\n```\n%s\n```\n\n",
                        SEEDED_SUBJECT,
                        lists.explainSubject.executionMs(),
                        lists.explainSubject.planningMs(),
                        lists.explainSubject.indexes(),
                        lists.explainSubject.plan()));
            }
        }

        b.append("### After the run\n\n| | |\n|---|---|\n");
        after.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!results.transitions.isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| outbox rows unpublished right after the transition runs (waited up to 20 s; the app's "
                            + "relay must publish the raw path's events too) | %,d of %,d |\n",
                    results.outboxUnpublished,
                    results.outboxRows));
        }
        b.append('\n');
        return b.toString();
    }

    private List<ListQueries.ListResult> listResults() {
        return lists == null ? List.of() : lists.results;
    }

    static String yes(boolean met) {
        return met ? "**yes**" : "**no**";
    }

    static String millions(long rows) {
        return rows >= 1_000_000
                ? String.format(Locale.ROOT, "%.1fM", rows / 1e6)
                : String.format(Locale.ROOT, "%,d", rows);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }
}
