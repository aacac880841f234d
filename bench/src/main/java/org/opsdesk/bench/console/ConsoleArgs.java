package org.opsdesk.bench.console;

/** The console benchmarks' options: {@code [--operations N] [--samples N] [--no-doc]}. */
record ConsoleArgs(long operations, int samples, boolean writeDoc) {

    static ConsoleArgs parse(String[] args, int defaultSamples) {
        long operations = 1_000_000;
        int samples = defaultSamples;
        boolean writeDoc = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--operations" -> operations = Long.parseLong(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--no-doc" -> writeDoc = false;
                default -> throw new IllegalArgumentException("usage: [--operations N] [--samples N] [--no-doc]");
            }
        }
        return new ConsoleArgs(operations, samples, writeDoc);
    }
}
