package org.opsdesk.bench.load;

import static org.opsdesk.bench.Bench.log;
import static org.opsdesk.bench.Bench.sleepUntil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.app.Cpu;
import org.opsdesk.bench.app.ServerProbe;

/**
 * The Java load generator's closed loop: N clients, each sending its next request as soon as the previous one
 * answered; an unmeasured warm-up, then the measured window. A request counts if it started and finished inside
 * the window. Every loop stops at the end of the window; a request stuck past it is bounded by its timeout.
 */
public final class ClosedLoop {

    private final ServerProbe probe;
    private final int warmupSeconds;
    private final int seconds;

    public ClosedLoop(ServerProbe probe, int warmupSeconds, int seconds) {
        this.probe = probe;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    /** Runs {@code clients} workers made by {@code factory}; the server timers of {@code metricsUri} are read. */
    public Run run(String label, int clients, IntFunction<Worker> factory, String metricsUri, String method)
            throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(factory.apply(c));
        }
        Errors errors = new Errors();
        Histogram[] histograms = new Histogram[clients];
        long[] oks = new long[clients];
        long[] measuredErrors = new long[clients];
        CountDownLatch go = new CountDownLatch(1);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int me = c;
            histograms[c] = Latency.histogram();
            Thread t = new Thread(
                    () -> {
                        try {
                            go.await();
                            loop(
                                    workers.get(me),
                                    errors,
                                    histograms[me],
                                    oks,
                                    measuredErrors,
                                    me,
                                    measureStart,
                                    measureEnd);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    label + "-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        go.countDown();
        sleepUntil(measureStart);
        ServerProbe.Reading before = probe.read(metricsUri, method);
        sleepUntil(measureEnd);
        ServerProbe.Reading after = probe.read(metricsUri, method);
        boolean hung = false;
        for (Thread t : threads) {
            long left = measureEnd + TimeUnit.SECONDS.toNanos(90) - System.nanoTime();
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (t.isAlive()) {
                hung = true;
                t.interrupt();
            }
        }
        for (Worker w : workers) {
            try {
                w.close();
            } catch (Exception e) {
                log("closing a worker: " + e);
            }
        }
        Histogram all = Latency.histogram();
        for (Histogram h : histograms) {
            all.add(h);
        }
        Run run = new Run(
                label,
                "java",
                clients,
                seconds,
                sum(oks),
                sum(measuredErrors),
                Latency.of(all),
                errors,
                ServerProbe.between(before, after, Cpu.Generator.THIS_JVM),
                hung);
        logRun(run);
        return run;
    }

    private static void loop(
            Worker w,
            Errors errors,
            Histogram histogram,
            long[] oks,
            long[] measuredErrors,
            int me,
            long measureStart,
            long measureEnd) {
        while (true) {
            long s = System.nanoTime();
            if (s >= measureEnd) {
                return;
            }
            Attempt attempt = Attempt.of(w::step);
            long e = System.nanoTime();
            boolean ok = attempt.ok();
            if (!ok) {
                errors.add(attempt.kind(), attempt.detail());
            }
            if (s >= measureStart && e <= measureEnd) {
                if (ok) {
                    oks[me]++;
                    Latency.record(histogram, e - s);
                } else {
                    measuredErrors[me]++;
                }
            }
        }
    }

    /**
     * Unmeasured load for {@code seconds} (JIT warm-up): {@code clients} workers in a closed loop; returns the
     * errors they met.
     */
    public static Errors warm(int clients, int seconds, IntFunction<Worker> factory) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        Errors errors = new Errors();
        for (int c = 0; c < clients; c++) {
            Worker w = factory.apply(c);
            Thread t = new Thread(() -> {
                try (w) {
                    while (System.nanoTime() < end) {
                        try {
                            w.step();
                        } catch (Exception e) {
                            errors.add(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        }
                    }
                } catch (Exception e) {
                    errors.add("close", e.toString());
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 90L));
        }
        return errors;
    }

    static void logRun(Run run) {
        log(String.format(
                Locale.ROOT,
                "%-12s clients=%2d  %8.1f/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d (%s)%s  [%s]",
                run.label(),
                run.clients(),
                run.throughput(),
                run.latency().p50(),
                run.latency().p95(),
                run.latency().p99(),
                run.measuredErrors(),
                run.errors().summary(),
                run.hung() ? "  HUNG CLIENTS" : "",
                run.generator()));
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
