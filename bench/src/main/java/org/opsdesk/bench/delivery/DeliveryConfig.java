package org.opsdesk.bench.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The delivery benchmark's options. */
record DeliveryConfig(
        int changes,
        int endpoints,
        int rate,
        int seconds,
        int warmup,
        long explainRows,
        List<String> phases,
        boolean writeDoc,
        String command) {

    static DeliveryConfig parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-doc")) {
                opts.put("no-doc", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("usage: [--changes N] [--endpoints N] [--rate N/s]"
                        + " [--seconds N] [--warmup N] [--explain-rows N] [--phases drain,steady,explain]"
                        + " [--no-doc]");
            }
        }
        return new DeliveryConfig(
                Integer.parseInt(opts.getOrDefault("changes", "5000")),
                Integer.parseInt(opts.getOrDefault("endpoints", "4")),
                Integer.parseInt(opts.getOrDefault("rate", "200")),
                Integer.parseInt(opts.getOrDefault("seconds", "60")),
                Integer.parseInt(opts.getOrDefault("warmup", "10")),
                Long.parseLong(opts.getOrDefault("explain-rows", "1000000")),
                List.of(opts.getOrDefault("phases", "drain,steady,explain").split(",")),
                !opts.containsKey("no-doc"),
                System.getenv().getOrDefault("BENCH_COMMAND", "bench/deliveries.sh " + String.join(" ", args)));
    }
}
