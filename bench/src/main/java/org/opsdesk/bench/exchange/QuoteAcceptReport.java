package org.opsdesk.bench.exchange;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.load.Run;

/** The quote + accept benchmark's section of docs/benchmarks.md: per round, the medians, the target, the CPU. */
final class QuoteAcceptReport {

    static final String HEADING = "## Quote + accept through the portal (issue 12)";
    static final double TARGET = 0.5;

    private final QuoteAcceptConfig cfg;
    ZonedDateTime started;
    Map<String, String> machine;
    String loadBefore;
    String loadAfter;
    double seedSeconds;
    /** Per round: the creations' run, then the orders'. */
    final List<Run[]> rounds = new ArrayList<>();

    final Map<String, String> warmupErrors = new LinkedHashMap<>();
    Map<String, String> after = Map.of();
    int[] messages = {0, 0};

    QuoteAcceptReport(QuoteAcceptConfig cfg) {
        this.cfg = cfg;
    }

    String markdown() {
        var b = new StringBuilder(HEADING).append("\n\n");
        b.append("Command: `")
                .append(System.getenv().getOrDefault("BENCH_COMMAND", "bench/exchange-orders.sh"))
                .append("` — run ")
                .append(started.toLocalDateTime().withNano(0))
                .append(" UTC. Load average before: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append(".\n\n");
        machine(b);
        method(b);
        results(b);
        cpu(b);
        b.append("After the run: ");
        after.forEach((k, v) -> b.append(k).append(" ").append(v).append("; "));
        b.append(String.format(
                Locale.ROOT,
                "emails and SMS received by the bench's SMTP server and gateway in the last round: %,d and %,d.\n",
                messages[0],
                messages[1]));
        return b.toString();
    }

    private void machine(StringBuilder b) {
        b.append(String.format(
                Locale.ROOT,
                "Machine: %s cores (%s), %s; %s; code %s. The app, its PostgreSQL, the load generators, the SMTP"
                        + " server and the SMS gateway share these cores.\n\n",
                machine.get("nproc"),
                machine.get("cpu"),
                machine.get("kernel"),
                machine.get("java -version").lines().findFirst().orElse(""),
                machine.get("git")));
    }

    private void method(StringBuilder b) {
        b.append(String.format(
                Locale.ROOT,
                "Set-up, all through the public interfaces: the desk configured through the API (EUR and PLN enabled,"
                        + " limits 1 to 1,000,000, EUR/PLN at 4.2000/4.3000, an office account in each currency);"
                        + " %d portal clients registered with the portal's form, each following the link emailed to"
                        + " the bench's GreenMail server and typing the code texted to its local SMS gateway, then"
                        + " approved by moving their `kyc_verification` operation to `verified` through the API (%.0f"
                        + " s in all).\n\n",
                cfg.portalClients(),
                seedSeconds));
        b.append(String.format(
                Locale.ROOT,
                "- **Orders** (Java clients, one `PlainHttp` keep-alive connection and portal session per client, the"
                        + " session cookie and CSRF token as a browser sends them): `POST /portal/exchange` with"
                        + " `HX-Request: true` as the page's htmx sends it (sell 100.00 EUR for PLN; the answer shows"
                        + " the locked quote and its Accept form: the quote section alone from a server that answers"
                        + " htmx so, the whole page before), then `POST"
                        + " /portal/exchange/accept` with its `quoteId` (success = the 302 to the new order's page; the"
                        + " redirect is not followed). One order = both requests; its latency is the pair's. The"
                        + " order is the `exchange_order` operation with its history entry and outbox event; its"
                        + " client notifications (email and SMS) are delivered meanwhile.\n"
                        + "- **Core API creations** (%s): `POST /api/v1/operations`, a withdrawal of 125.50 EUR with"
                        + " three attributes and a unique reference, as `bench/run.sh`'s create phase sends it; success"
                        + " = 201.\n\n"
                        + "Both at %d clients, closed loop, %d s measured after %d s unmeasured, creations then orders in"
                        + " each of %d rounds, after %d s of each load unmeasured to warm the JIT. Before each run the"
                        + " app is left to relay the outbox and send the pending notifications (`Backlog`), so that"
                        + " neither load pays for the other's. Any answer other than the expected one (a refused quote"
                        + " included) is an error.\n\n",
                cfg.wrk() ? "wrk, `bench/wrk/create.lua`" : "the harness's Java clients",
                cfg.clients(),
                cfg.seconds(),
                cfg.warmup(),
                cfg.rounds(),
                cfg.jitWarmup()));
    }

    private void results(StringBuilder b) {
        b.append("| round | creations/s | creation p95 | **orders/s** | order p50 | order p95 | order p99 | errors"
                + " (creations / orders) | **orders ÷ creations** |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Run c = rounds.get(i)[0];
            Run o = rounds.get(i)[1];
            b.append(String.format(
                    Locale.ROOT,
                    "| %d | %.0f | %.2f ms | %.0f | %.2f ms | %.2f ms | %.2f ms | %d / %d | %.0f%% |\n",
                    i + 1,
                    c.throughput(),
                    c.latency().p95(),
                    o.throughput(),
                    o.latency().p50(),
                    o.latency().p95(),
                    o.latency().p99(),
                    c.measuredErrors(),
                    o.measuredErrors(),
                    100 * ratio(i)));
        }
        double ratio = median(i -> ratio(i));
        b.append(String.format(
                Locale.ROOT,
                "| **median** | %.0f | %.2f ms | **%.0f** | %.2f ms | **%.2f ms** | %.2f ms | | **%.0f%%** |\n\n",
                median(i -> rounds.get(i)[0].throughput()),
                median(i -> rounds.get(i)[0].latency().p95()),
                median(i -> rounds.get(i)[1].throughput()),
                median(i -> rounds.get(i)[1].latency().p50()),
                median(i -> rounds.get(i)[1].latency().p95()),
                median(i -> rounds.get(i)[1].latency().p99()),
                100 * ratio));
        b.append(String.format(
                Locale.ROOT,
                "Target: orders/s ≥ 50%% of the core API's creations/s in the same run. Measured (median of the"
                        + " rounds' ratios): **%.0f%% — %s**.\n\n",
                100 * ratio,
                ratio >= TARGET ? "met" : "not met"));
        errors(b);
    }

    private void errors(StringBuilder b) {
        warmupErrors.forEach((what, sample) -> b.append("Errors in the ")
                .append(what)
                .append(" JIT warm-up: ")
                .append(sample)
                .append("\n\n"));
        for (Run[] round : rounds) {
            for (Run run : round) {
                if (run.errors().total() > 0) {
                    b.append("Errors in ")
                            .append(run.label())
                            .append(" (warm-up included): ")
                            .append(run.errors().summary())
                            .append(". ")
                            .append(run.errors().samplesMarkdown())
                            .append("\n\n");
                }
            }
        }
    }

    private void cpu(StringBuilder b) {
        int cores = Machine.cores(machine);
        b.append("CPU over each measured window, as a share of the machine (100% = every core busy), and per"
                + " creation or order; PostgreSQL's commits and buffer accesses per creation or order (everything"
                + " on the database counts, the outbox relay's and the notification deliveries' work too). The"
                + " orders' load generator is this benchmark's JVM, which also runs the SMTP server and the SMS"
                + " gateway that receive the orders' notifications; the creations' is wrk. \"Others\" are the"
                + " other processes on the machine (other people's builds and tests share it):\n\n");
        b.append("| round | run | CPU app | CPU PostgreSQL | CPU load generator | CPU others | CPU-ms per op app / PG /"
                + " client | PG commits / op | PG buffer accesses / op |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            for (Run run : rounds.get(i)) {
                var cpu = run.window().cpu();
                double cap = cpu.wall() * cores;
                double ops = Math.max(1, run.ok());
                long[] db = run.window().db();
                b.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.2f / %.2f / %.2f | %s | %s |\n",
                        i + 1,
                        run.label(),
                        100 * cpu.app() / cap,
                        100 * cpu.postgres() / cap,
                        100 * cpu.generator() / cap,
                        100 * cpu.others() / cap,
                        1000 * cpu.app() / ops,
                        1000 * cpu.postgres() / ops,
                        1000 * cpu.generator() / ops,
                        db == null ? "–" : String.format(Locale.ROOT, "%.1f", db[0] / ops),
                        db == null ? "–" : String.format(Locale.ROOT, "%.0f", db[2] / ops)));
            }
        }
        b.append('\n');
    }

    private double ratio(int round) {
        return rounds.get(round)[1].throughput() / rounds.get(round)[0].throughput();
    }

    private double median(ToDoubleFunction<Integer> value) {
        double[] values = new double[rounds.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(i);
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
