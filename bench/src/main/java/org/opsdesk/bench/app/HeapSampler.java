package org.opsdesk.bench.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app's heap in use ({@code jvm_memory_used_bytes{area="heap"}} from /actuator/prometheus), sampled every 100 ms
 * on a daemon thread while a measured call runs; the benchmarks report its peak. A scrape that fails reads as 0, so
 * sampling never fails a run.
 */
public final class HeapSampler {

    private final BenchApp app;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::sample);

    private HeapSampler(BenchApp app) {
        this.app = app;
    }

    /** Starts sampling now. */
    public static HeapSampler start(BenchApp app) {
        var sampler = new HeapSampler(app);
        sampler.thread.setDaemon(true);
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling, waits for the last sample, and gives the peak seen, in bytes. */
    public long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return peak.get();
    }

    private void sample() {
        while (running.get()) {
            peak.accumulateAndGet(heapUsed(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The app's heap in use, summed over the heap pools. */
    private long heapUsed() {
        try {
            String text = http.send(
                            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
                                    .header("Authorization", "Bearer " + app.scrapeToken())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return (long) text.lines()
                    .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }
}
