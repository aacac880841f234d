package org.opsdesk.bench.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local webhook receiver that records every arrival and answers 204; it does not verify (the tests do). */
final class WebhookReceiver implements AutoCloseable {

    /** One webhook request: its id, when it arrived, and the event's time from the body. */
    record Arrival(String messageId, long nanos, Instant arrivedAt, Instant eventAt) {
        long latencyMicros() {
            return Duration.between(eventAt, arrivedAt).toNanos() / 1000;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private volatile ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private volatile Set<String> ids = ConcurrentHashMap.newKeySet();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(threads);
        server.createContext("/hook/", exchange -> {
            Instant arrived = Instant.now();
            long nanos = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            arrivals.add(new Arrival(id, nanos, arrived, eventTime(body)));
            ids.add(id + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The body's top-level "timestamp" (the event's time); it comes before "data" in every body. */
    static Instant eventTime(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        int at = text.indexOf("\"timestamp\":\"");
        int from = at + 13;
        return Instant.parse(text.substring(from, text.indexOf('"', from)));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void reset() {
        arrivals = new ConcurrentLinkedQueue<>();
        ids = ConcurrentHashMap.newKeySet();
    }

    long unique() {
        return ids.size();
    }

    List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
