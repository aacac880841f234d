package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.ROOT;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsdesk.bench.load.Wrk;

/**
 * The core-engine benchmark's settings: command-line options, each with an environment variable and a default
 * ({@link #usage()} lists them). The other benchmarks parse one too, for the seeder's sizes and the app's options.
 */
public record BenchConfig(
        long operations,
        int pingOperations,
        int seconds,
        int warmup,
        int[] clients,
        int[] createClients,
        int listRequests,
        int jitWarmup,
        int listWarmup,
        List<String> phases,
        String loadGenerator,
        int[] openRates,
        int openConnections,
        Path doc,
        boolean writeDoc,
        int maxMinutes,
        String appJavaOpts,
        String command) {

    static final List<String> PHASES = List.of("list", "transitions", "create", "open");
    private static final List<String> KNOWN = List.of(
            "operations",
            "ping-operations",
            "seconds",
            "warmup",
            "clients",
            "create-clients",
            "list-requests",
            "phases",
            "doc",
            "no-doc",
            "max-minutes",
            "jit-warmup",
            "list-warmup",
            "load-generator",
            "open-rates",
            "open-connections");

    public static BenchConfig parse(String[] args) {
        Map<String, String> opts = options(args);
        List<String> phases = Arrays.stream(get(opts, "phases", "BENCH_PHASES", "list,transitions,create")
                        .split(","))
                .map(String::trim)
                .toList();
        for (String p : phases) {
            if (!PHASES.contains(p)) {
                throw new IllegalArgumentException("unknown phase " + p + " " + PHASES);
            }
        }
        String generator =
                get(opts, "load-generator", "BENCH_LOAD_GENERATOR", Wrk.find().isPresent() ? "wrk" : "java");
        if (!List.of("wrk", "java").contains(generator)) {
            throw new IllegalArgumentException("--load-generator is wrk or java, not " + generator);
        }
        if (generator.equals("wrk") && Wrk.find().isEmpty()) {
            throw new IllegalArgumentException(
                    "wrk is not on the PATH: apt-get install -y wrk, or --load-generator java");
        }
        String command = System.getenv().getOrDefault("BENCH_COMMAND", "bench/run.sh " + String.join(" ", args));
        return new BenchConfig(
                Long.parseLong(
                        get(opts, "operations", "BENCH_OPERATIONS", "1000000").replace("_", "")),
                Integer.parseInt(get(opts, "ping-operations", "BENCH_PING_OPERATIONS", "100000")
                        .replace("_", "")),
                Integer.parseInt(get(opts, "seconds", "BENCH_SECONDS", "15")),
                Integer.parseInt(get(opts, "warmup", "BENCH_WARMUP", "3")),
                ints(get(opts, "clients", "BENCH_CLIENTS", "1,4,16")),
                ints(get(opts, "create-clients", "BENCH_CREATE_CLIENTS", "16")),
                Integer.parseInt(get(opts, "list-requests", "BENCH_LIST_REQUESTS", "500")),
                Integer.parseInt(get(opts, "jit-warmup", "BENCH_JIT_WARMUP", "60")),
                Integer.parseInt(get(opts, "list-warmup", "BENCH_LIST_WARMUP", "10")),
                phases,
                generator,
                ints(get(opts, "open-rates", "BENCH_OPEN_RATES", "200,500,800")),
                Integer.parseInt(get(opts, "open-connections", "BENCH_OPEN_CONNECTIONS", "32")),
                ROOT.resolve(get(opts, "doc", "BENCH_DOC", "docs/benchmarks.md")),
                !opts.containsKey("no-doc") && !"1".equals(System.getenv("BENCH_NO_DOC")),
                Integer.parseInt(get(opts, "max-minutes", "BENCH_MAX_MINUTES", "50")),
                System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", "-Xmx1g"),
                command);
    }

    public boolean wrk() {
        return loadGenerator.equals("wrk");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + "\n" + usage());
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (key.equals("no-doc") || key.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + a + "\n" + usage());
            }
            opts.put(key, value);
        }
        if (opts.containsKey("help")) {
            System.out.println(usage());
            System.exit(0);
        }
        for (String k : opts.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k + "\n" + usage());
            }
        }
        return opts;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static String get(Map<String, String> opts, String key, String env, String dflt) {
        String v = opts.get(key);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    static String usage() {
        return """
                usage: bench/run.sh [options]
                  --operations N       operations of the 12 shipped types to seed (BENCH_OPERATIONS, 1000000)
                  --ping-operations N  bench_ping operations the transition runs move (BENCH_PING_OPERATIONS, 100000)
                  --seconds S          measured seconds per run (BENCH_SECONDS, 15)
                  --warmup S           unmeasured warm-up seconds before each run (BENCH_WARMUP, 3)
                  --clients LIST       concurrent clients of the transition runs (BENCH_CLIENTS, 1,4,16)
                  --create-clients LIST clients of the creation runs, one run each (BENCH_CREATE_CLIENTS, 16)
                  --list-requests N    sequential requests per list query (BENCH_LIST_REQUESTS, 500)
                  --jit-warmup S       before the first run: S s of API transitions, S s of API creations (4 clients
                                       each) and min(S, 10) s of raw transitions, unmeasured (BENCH_JIT_WARMUP, 60)
                  --list-warmup S      unmeasured list requests before the list measurements (BENCH_LIST_WARMUP, 10)
                  --phases LIST        list,transitions,create,open (BENCH_PHASES, list,transitions,create)
                  --load-generator G   wrk or java: who sends the HTTP transitions and creations of the closed-loop
                                       runs (BENCH_LOAD_GENERATOR; wrk when it is on the PATH, else java)
                  --open-rates LIST    the open phase's target rates, transitions/s (BENCH_OPEN_RATES, 200,500,800)
                  --open-connections N keep-alive connections of the open phase (BENCH_OPEN_CONNECTIONS, 32)
                  --doc PATH           where to write the report (BENCH_DOC, docs/benchmarks.md)
                  --no-doc             print only (BENCH_NO_DOC=1)
                  --max-minutes M      watchdog: stop everything after M minutes (BENCH_MAX_MINUTES, 50)
                env: OPSDESK_DB_POOL_SIZE is passed to the app; BENCH_APP_JAVA_OPTS (default -Xmx1g);
                  BENCH_DATABASE_URL (jdbc:postgresql://host:port/db of an EMPTY database): the app and the
                  seeder use that PostgreSQL instead of the app's embedded one; BENCH_DATABASE_USER (postgres);
                  BENCH_POSTMASTER_PID (its postmaster.pid, for the per-run CPU split of PostgreSQL)""";
    }
}
