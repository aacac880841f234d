package org.opsdesk.bench.exchange;

import java.util.Map;
import org.opsdesk.bench.load.Wrk;

/**
 * The quote + accept benchmark's settings, from the environment (bench/exchange-orders.sh lists them).
 *
 * @param clients closed-loop clients of both measured loads (BENCH_CLIENTS, 16)
 * @param portalClients portal clients seeded, each on its own session; at least {@code clients}
 *     (BENCH_PORTAL_CLIENTS)
 * @param seconds measured seconds per run (BENCH_SECONDS, 15)
 * @param warmup unmeasured seconds of the same load before each run (BENCH_WARMUP, 3)
 * @param jitWarmup unmeasured seconds of each load before the first round (BENCH_JIT_WARMUP, 30)
 * @param rounds rounds of (creations, then orders); the report gives each and their medians (BENCH_ROUNDS, 3)
 * @param wrk whether wrk sends the core API's creations (BENCH_LOAD_GENERATOR=wrk|java; wrk when installed)
 */
record QuoteAcceptConfig(
        int clients,
        int portalClients,
        int seconds,
        int warmup,
        int jitWarmup,
        int rounds,
        boolean wrk,
        boolean writeDoc) {

    static QuoteAcceptConfig fromEnvironment(Map<String, String> env) {
        int clients = number(env, "BENCH_CLIENTS", 16);
        String generator = env.getOrDefault("BENCH_LOAD_GENERATOR", Wrk.find().isPresent() ? "wrk" : "java");
        if (!generator.equals("wrk") && !generator.equals("java")) {
            throw new IllegalArgumentException("BENCH_LOAD_GENERATOR must be wrk or java, not " + generator);
        }
        if (generator.equals("wrk") && Wrk.find().isEmpty()) {
            throw new IllegalArgumentException("BENCH_LOAD_GENERATOR=wrk, but wrk is not on the PATH");
        }
        return new QuoteAcceptConfig(
                clients,
                Math.max(clients, number(env, "BENCH_PORTAL_CLIENTS", clients)),
                number(env, "BENCH_SECONDS", 15),
                number(env, "BENCH_WARMUP", 3),
                number(env, "BENCH_JIT_WARMUP", 30),
                Math.max(1, number(env, "BENCH_ROUNDS", 3)),
                generator.equals("wrk"),
                !"1".equals(env.get("BENCH_NO_DOC")));
    }

    private static int number(Map<String, String> env, String name, int dflt) {
        String value = env.get(name);
        return value == null || value.isBlank() ? dflt : Integer.parseInt(value.trim());
    }
}
