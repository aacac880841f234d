package org.opsdesk.bench.load;

import static org.opsdesk.bench.Bench.log;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.app.Cpu;
import org.opsdesk.bench.app.ServerProbe;

/**
 * wrk (a C load generator; {@code apt-get install -y wrk}) driven by a Lua script of bench/wrk/: {@code wrk -t2
 * -cN -dSs --timeout 30s}, the script's {@code done()} printing one {@code wrk-result} line that becomes a
 * {@link Run}. The load generator's CPU is wrk's own: the kernel adds it to this JVM's reaped-children time.
 */
public final class Wrk {

    private static final int THREADS = 2;

    private final Path executable;
    private final ServerProbe probe;
    private final Path outputs;
    private int runs;

    public Wrk(Path executable, ServerProbe probe, Path outputs) {
        this.executable = executable;
        this.probe = probe;
        this.outputs = outputs;
    }

    /** wrk on the PATH, if it is installed. */
    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** wrk's threads for {@code connections} connections (it needs at least one connection per thread). */
    public static int threads(int connections) {
        return Math.min(THREADS, connections);
    }

    /** An unmeasured run (warm-up); returns its errors. */
    public Errors warm(String label, int connections, int seconds, Path script, String url, List<String> args)
            throws Exception {
        var result = execute(label + "-warmup", connections, seconds, script, url, args);
        return result.errors();
    }

    /** A measured run: the server's timers of {@code metricsUri} and the CPU split are read around it. */
    public Run run(
            String label,
            int connections,
            int seconds,
            Path script,
            String url,
            List<String> args,
            String metricsUri,
            String method)
            throws Exception {
        ServerProbe.Reading before = probe.read(metricsUri, method);
        Result result = execute(label, connections, seconds, script, url, args);
        ServerProbe.Reading after = probe.read(metricsUri, method);
        Run run = new Run(
                label,
                "wrk",
                connections,
                result.durationSeconds(),
                result.ok(),
                result.failed(),
                result.latency(),
                result.errors(),
                ServerProbe.between(before, after, Cpu.Generator.CHILD_PROCESS),
                false);
        ClosedLoop.logRun(run);
        return run;
    }

    /** What the script's {@code wrk-result} line says. */
    record Result(Map<String, String> fields) {

        long get(String name) {
            return Math.round(Double.parseDouble(fields.getOrDefault(name, "0")));
        }

        long socketErrors() {
            return get("connect") + get("read") + get("write") + get("timeout");
        }

        long failed() {
            return get("non2xx") + socketErrors();
        }

        long ok() {
            return Math.max(0, get("requests") - get("non2xx"));
        }

        double durationSeconds() {
            return get("duration_us") / 1e6;
        }

        Latency latency() {
            return new Latency(
                    get("requests"),
                    get("p50_us") / 1e3,
                    get("p95_us") / 1e3,
                    get("p99_us") / 1e3,
                    get("max_us") / 1e3,
                    Double.parseDouble(fields.getOrDefault("mean_us", "NaN")) / 1e3);
        }

        Errors errors() {
            Errors errors = new Errors();
            errors.add("HTTP non-2xx", get("non2xx"), "(wrk counts them; see the app log)");
            for (String kind : List.of("connect", "read", "write", "timeout")) {
                errors.add("socket " + kind, get(kind), "(wrk's socket error count)");
            }
            return errors;
        }

        static Result parse(String output) {
            for (String line : output.split("\n")) {
                if (line.startsWith("wrk-result ")) {
                    Map<String, String> fields = new HashMap<>();
                    for (String pair : line.substring(11).trim().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    return new Result(fields);
                }
            }
            throw new IllegalStateException("wrk printed no wrk-result line:\n" + output);
        }
    }

    private Result execute(String label, int connections, int seconds, Path script, String url, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "-t" + threads(connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "30s",
                "-s",
                script.toString(),
                url,
                "--"));
        command.addAll(args);
        Files.createDirectories(outputs);
        Path output = outputs.resolve(String.format("%02d-%s-c%d.txt", ++runs, label, connections));
        Process wrk = new ProcessBuilder(command)
                .directory(Bench.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!wrk.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            wrk.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("wrk did not finish within " + (seconds + 120) + " s; see " + output);
        }
        String text = Files.readString(output);
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ":\n" + text);
        }
        log("wrk output: " + Bench.ROOT.relativize(output));
        return Result.parse(text);
    }
}
