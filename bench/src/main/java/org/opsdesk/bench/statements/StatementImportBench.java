package org.opsdesk.bench.statements;

import static org.opsdesk.bench.Bench.log;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.HeapSampler;
import org.opsdesk.bench.http.ApiRequests;
import tools.jackson.databind.JsonNode;

/**
 * Statement import benchmark (issue 13): one camt.053 of BENCH_ENTRIES credits (default 100,000), each paying one of
 * as many open exchange orders by the reference in its remittance text, imported through {@code POST
 * /api/v1/exchange/statements} into an app whose heap is capped at 512 MB, timed end to end from the client; then an
 * MT940 of BENCH_MT940_ENTRIES (10,000) paying 10,000 more orders. The import keeps how long it read, stored and
 * matched; the report gives entries/s of each phase, the app's heap peak (sampled every 100 ms from
 * /actuator/prometheus) and how many orders reached {@code funds_received}.
 */
public final class StatementImportBench {

    public static void main(String[] args) {
        var app = BenchApp.fromEnvironment("-Xmx512m");
        Bench.exitAfter(() -> new StatementImportBench(app).run(), app);
    }

    private final BenchApp app;
    private final int entries = Integer.parseInt(System.getenv().getOrDefault("BENCH_ENTRIES", "100000"));
    private final int mt940Entries = Integer.parseInt(System.getenv().getOrDefault("BENCH_MT940_ENTRIES", "10000"));

    StatementImportBench(BenchApp app) {
        this.app = app;
        // a camt of 100,000 entries is about 68 MB: above the 50 MB default, raised as an operator would
        app.extraEnv().put("OPSDESK_UPLOADS_MAX_BYTES", String.valueOf(256L << 20));
    }

    record Run(String file, int entries, double mb, double seconds, JsonNode result, long heapPeak, int received) {}

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        var machine = Machine.facts();
        String loadBefore = Machine.loadAverage();
        app.start();
        var api = new ApiRequests(app);
        Desk desk = Desk.configure(api);
        List<OrderSeeder.Seeded> camtOrders;
        List<OrderSeeder.Seeded> mtOrders;
        long seedStart = System.nanoTime();
        try (Connection db = app.connect(600)) {
            camtOrders = OrderSeeder.seed(db, 0, entries, desk.plnAccount(), desk.plnIban(), desk.eurAccount());
            mtOrders =
                    OrderSeeder.seed(db, entries, mt940Entries, desk.plnAccount(), desk.plnIban(), desk.eurAccount());
        }
        log(String.format(
                Locale.ROOT,
                "seeded %,d open orders in %.1f s",
                entries + mt940Entries,
                Bench.secondsSince(seedStart)));
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        warmUp(desk, day.minusDays(1));
        byte[] camt = Camt053File.write(desk.plnIban(), "PLN", day, payments(camtOrders));
        Run camtRun = importFile("camt.053.001.02", camt, camtOrders.size());
        byte[] mt940 = Mt940File.write(desk.plnIban(), "PLN", day.plusDays(1), payments(mtOrders));
        Run mtRun = importFile("MT940", mt940, mtOrders.size());
        double reference;
        try (Connection db = app.connect(600)) {
            reference = MatchReference.seconds(db, entries);
        }
        log(String.format(Locale.ROOT, "reference: %,d confirmations by minimal SQL in %.2f s", entries, reference));
        String report = report(started, machine, loadBefore, List.of(camtRun, mtRun), reference);
        System.out.println(report);
        if (!"1".equals(System.getenv("BENCH_NO_DOC"))) {
            DocSection.write(DocSection.benchmarks(), "## Statement import and matching (issue 13)", report);
        }
    }

    /**
     * One small file of each format into another account first, unmeasured: the first camt read in a JVM builds
     * Prowide's JAXB context (5-10 s on this machine), a cost of the first import after a start, not of a file.
     */
    private void warmUp(Desk desk, LocalDate day) throws Exception {
        var few = new java.util.ArrayList<Camt053File.Payment>();
        for (int i = 0; i < 20; i++) {
            few.add(new Camt053File.Payment(
                    new java.math.BigDecimal("1.00"), "Warm " + i, Ibans.polish(i), "warm-up " + i));
        }
        long t0 = System.nanoTime();
        importFile("warm-up camt", Camt053File.write(desk.warmUpIban(), "PLN", day, few), few.size());
        importFile("warm-up MT940", Mt940File.write(desk.warmUpIban(), "PLN", day.minusDays(1), few), few.size());
        log(String.format(Locale.ROOT, "warm-up imports took %.1f s", Bench.secondsSince(t0)));
    }

    private static List<Camt053File.Payment> payments(List<OrderSeeder.Seeded> orders) {
        return orders.stream()
                .map(o -> new Camt053File.Payment(
                        o.pay(),
                        "Payer " + o.reference(),
                        o.payerIban(),
                        "Zaplata za zlecenie " + o.printedReference()))
                .toList();
    }

    private Run importFile(String name, byte[] file, int orders) throws Exception {
        var heap = HeapSampler.start(app);
        long t0 = System.nanoTime();
        var response = ApiRequests.newClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/exchange/statements?fileName=bench"))
                                .header("Authorization", "Bearer " + app.apiKey())
                                .header("Content-Type", "application/octet-stream")
                                .timeout(Duration.ofMinutes(10))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        double seconds = Bench.secondsSince(t0);
        long heapPeak = heap.stop();
        if (response.statusCode() != 201) {
            throw new IllegalStateException(name + " import answered " + response.statusCode() + ": "
                    + response.body()
                            .substring(0, Math.min(2000, response.body().length())));
        }
        JsonNode result = Bench.JSON.readTree(response.body());
        int received;
        try (Connection db = app.connect()) {
            try (var st = db.createStatement();
                    var rs = st.executeQuery("select count(*) from operations.operation where type = 'exchange_order'"
                            + " and stage <> 'awaiting_payment'")) {
                rs.next();
                received = rs.getInt(1);
            }
        }
        log(String.format(
                Locale.ROOT,
                "%s: %,d entries (%.1f MB) in %.2f s, heap peak %d MB: %s",
                name,
                orders,
                file.length / 1e6,
                seconds,
                heapPeak >> 20,
                result.get("times")));
        return new Run(name, orders, file.length / 1e6, seconds, result, heapPeak, received);
    }

    private String report(
            ZonedDateTime started,
            java.util.Map<String, String> machine,
            String loadBefore,
            List<Run> runs,
            double reference) {
        var out = new StringBuilder("## Statement import and matching (issue 13)\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Command: `%s`. Run %s, load average before %s; machine: %s cores, %s; %s. App JVM "
                        + "`%s` on the embedded PostgreSQL; the client and PostgreSQL share the machine's cores.\n\n",
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/statements.sh"),
                started.toString().substring(0, 16).replace('T', ' ') + " UTC",
                loadBefore,
                machine.get("nproc"),
                machine.get("cpu"),
                machine.get("git"),
                String.join(" ", app.javaOptions())));
        out.append("| file | entries | size | end to end (client) | read | store | match | read entries/s |"
                + " store entries/s | match entries/s | heap peak | orders moved on | target |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            JsonNode times = run.result().get("times");
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f MB | **%.2f s** | %s | %s | %s | %s | %s | %s |" + " %d MB | %,d | %s |\n",
                    run.file(),
                    run.entries(),
                    run.mb(),
                    run.seconds(),
                    ms(times, "readMillis"),
                    ms(times, "storeMillis"),
                    ms(times, "matchMillis"),
                    rate(run, times, "readMillis"),
                    rate(run, times, "storeMillis"),
                    rate(run, times, "matchMillis"),
                    run.heapPeak() >> 20,
                    run.received(),
                    run.file().startsWith("camt")
                            ? (run.seconds() < 10 && run.heapPeak() <= 512L << 20
                                    ? "met (< 10 s, ≤ 512 MB)"
                                    : "**not met** (< 10 s, ≤ 512 MB)")
                            : "—"));
        }
        out.append(
                "\nBefore the measured files, one 20-entry file of each format goes into another account, unmeasured:"
                        + " the first camt read in a JVM builds Prowide's JAXB context (5-10 s here), a cost of the first"
                        + " import after a start, not of the file. Open orders are written by SQL before the runs (`OrderSeeder`: the operation at"
                        + " `awaiting_payment` with its creation entry and the order's exchange details), each paid by one"
                        + " credit whose remittance text carries its payment reference printed in groups of four. \"Orders"
                        + " moved on\" counts the orders no longer awaiting payment after the import (cumulative).\n");
        JsonNode camtTimes = runs.get(0).result().get("times");
        double matched = camtTimes == null || camtTimes.get("matchMillis") == null
                ? Double.NaN
                : camtTimes.get("matchMillis").asInt() / 1000.0;
        out.append(String.format(
                Locale.ROOT,
                "\n**Reference for the match phase** (`MatchReference`, same PostgreSQL, same run, after the imports):"
                        + " the minimal SQL confirming %,d paid orders — per entry its match row and decision, per order"
                        + " the row moved through two stages with two history entries and two outbox events, on tables"
                        + " with only their primary keys, in transactions of 1,000 — took **%.2f s** (%,.0f entries/s);"
                        + " the product's match phase of the camt took %.2f s: **product ÷ reference = %.1f×** the"
                        + " time (%.0f%% of the reference's rate).\n",
                runs.get(0).entries(),
                reference,
                runs.get(0).entries() / reference,
                matched,
                matched / reference,
                100 * reference / matched));
        return out.toString();
    }

    private static String ms(JsonNode times, String field) {
        JsonNode value = times == null ? null : times.get(field);
        return value == null || value.isNull() ? "—" : String.format(Locale.ROOT, "%.2f s", value.asInt() / 1000.0);
    }

    private static String rate(Run run, JsonNode times, String field) {
        JsonNode value = times == null ? null : times.get(field);
        return value == null || value.isNull() || value.asInt() == 0
                ? "—"
                : String.format(Locale.ROOT, "%,.0f", run.entries() * 1000.0 / value.asInt());
    }
}
