package org.opsdesk.bench.load;

import static org.opsdesk.bench.Bench.log;
import static org.opsdesk.bench.Bench.sleepUntil;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.app.Cpu;
import org.opsdesk.bench.app.ServerProbe;

/**
 * The open model: requests scheduled at a constant rate whatever the app does, request n at {@code start + n /
 * rate}, sent over a pool of keep-alive connections (one thread each, taking the next request number). Latency is
 * measured from each request's intended send time, so a stall counts for every request it delayed (no coordinated
 * omission). Requests intended in the measured window count; when every connection is busy, the next request waits
 * and its wait is part of its latency. Requests still unsent 30 s after the window are given up and reported.
 */
public final class OpenModel {

    /** One connection's sender: sends request {@code n} and returns its status (200/201 = success). */
    @FunctionalInterface
    public interface Sender extends AutoCloseable {
        int send(long n) throws Exception;

        @Override
        default void close() throws IOException, SQLException {}
    }

    /** The figures of one target rate. */
    public record Result(
            int targetRate,
            double achievedRate,
            long ok,
            long failed,
            long givenUp,
            Latency latency,
            Errors errors,
            ServerProbe.Window window) {}

    private final ServerProbe probe;
    private final int warmupSeconds;
    private final int seconds;
    private final int connections;

    public OpenModel(ServerProbe probe, int warmupSeconds, int seconds, int connections) {
        this.probe = probe;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.connections = connections;
    }

    public int connections() {
        return connections;
    }

    public Result run(int rate, IntFunction<Sender> senders, String metricsUri, String method) throws Exception {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        long giveUpAt = measureEnd + TimeUnit.SECONDS.toNanos(30);
        long total = (measureEnd - start) / period;
        var next = new AtomicLong();
        var lastDone = new AtomicLong(measureStart);
        var tally = new Tally(connections);
        Errors errors = new Errors();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            final int me = c;
            Sender sender = senders.apply(c);
            Thread t = new Thread(
                    () -> {
                        try (sender) {
                            send(
                                    sender,
                                    me,
                                    next,
                                    total,
                                    start,
                                    period,
                                    measureStart,
                                    measureEnd,
                                    giveUpAt,
                                    tally,
                                    errors,
                                    lastDone);
                        } catch (Exception e) {
                            errors.add("close", e.toString());
                        }
                    },
                    "open-" + rate + "-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        sleepUntil(measureStart);
        ServerProbe.Reading before = probe.read(metricsUri, method);
        sleepUntil(measureEnd);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime()) + 60_000));
        }
        ServerProbe.Reading after = probe.read(metricsUri, method);
        long givenUp = Math.max(0, total - next.get());
        double busySeconds = Math.max(seconds, (lastDone.get() - measureStart) / 1e9);
        Histogram all = tally.merged();
        var result = new Result(
                rate,
                tally.ok() / busySeconds,
                tally.ok(),
                tally.failed(),
                givenUp,
                Latency.of(all),
                errors,
                ServerProbe.between(before, after, Cpu.Generator.THIS_JVM));
        log(String.format(
                Locale.ROOT,
                "open model %5d/s: achieved %7.1f/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
                        + "  errors %d  given up %d",
                rate,
                result.achievedRate(),
                result.latency().p50(),
                result.latency().p95(),
                result.latency().p99(),
                result.latency().max(),
                result.failed(),
                givenUp));
        return result;
    }

    private static void send(
            Sender sender,
            int me,
            AtomicLong next,
            long total,
            long start,
            long period,
            long measureStart,
            long measureEnd,
            long giveUpAt,
            Tally tally,
            Errors errors,
            AtomicLong lastDone)
            throws InterruptedException {
        while (true) {
            if (System.nanoTime() >= giveUpAt) {
                return;
            }
            long n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            long intended = start + n * period;
            sleepUntil(intended);
            Attempt attempt = Attempt.of(() -> sender.send(n));
            long done = System.nanoTime();
            boolean ok = attempt.ok();
            if (!ok) {
                errors.add(attempt.kind(), attempt.detail());
            }
            if (intended >= measureStart && intended < measureEnd) {
                tally.add(me, ok, done - intended);
                lastDone.accumulateAndGet(done, Math::max);
            }
        }
    }

    /** Per-connection counts and histograms, merged at the end (no sharing on the hot path). */
    private static final class Tally {
        private final Histogram[] histograms;
        private final long[] ok;
        private final long[] failed;

        Tally(int connections) {
            histograms = new Histogram[connections];
            ok = new long[connections];
            failed = new long[connections];
            for (int c = 0; c < connections; c++) {
                histograms[c] = Latency.histogram();
            }
        }

        void add(int connection, boolean success, long nanos) {
            if (success) {
                ok[connection]++;
                Latency.record(histograms[connection], nanos);
            } else {
                failed[connection]++;
            }
        }

        synchronized Histogram merged() {
            Histogram all = Latency.histogram();
            for (Histogram h : histograms) {
                all.add(h);
            }
            return all;
        }

        synchronized long ok() {
            long s = 0;
            for (long v : ok) {
                s += v;
            }
            return s;
        }

        synchronized long failed() {
            long s = 0;
            for (long v : failed) {
                s += v;
            }
            return s;
        }
    }
}
