package org.opsdesk.notifications.delivery;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A webhook receiver on 127.0.0.1 (JDK {@link HttpServer}) that verifies every message with the official Standard
 * Webhooks library, answers with scripted statuses (then 204), and notices a message id arriving while a request
 * with the same id is still in flight.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(Instant at, String id, String body, boolean verified, int answered) {}

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger concurrentDuplicates = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile String secret = "";
    private volatile Duration holdFor = Duration.ZERO;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** Keeps each request open this long, so overlapping deliveries of one message would be seen. */
    void holdFor(Duration duration) {
        this.holdFor = duration;
    }

    synchronized void answer(int status, Map<String, String> headers) {
        script.add(new Answer(status, headers));
    }

    synchronized void answer(int... statuses) {
        for (int status : statuses) {
            script.add(new Answer(status, Map.of()));
        }
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests that have arrived, answered or not yet. */
    int arrivals() {
        return arrivals.get();
    }

    int concurrentDuplicates() {
        return concurrentDuplicates.get();
    }

    boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        arrivals.incrementAndGet();
        Duration hold = holdFor;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        String id = headers.getOrDefault("webhook-id", List.of("")).get(0);
        boolean verified;
        try {
            new Webhook(secret).verify(body, headers);
            verified = true;
        } catch (Exception e) {
            verified = false;
        }
        Answer answer;
        synchronized (this) { // recorded on arrival, so a request held open (or never answered) is seen too
            answer = script.isEmpty() ? new Answer(204, Map.of()) : script.poll();
            received.add(new Received(at, id, body, verified, answer.status()));
        }
        if (!inFlight.add(id)) {
            concurrentDuplicates.incrementAndGet();
        }
        try {
            if (!hold.isZero()) {
                Thread.sleep(hold.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.remove(id);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] reply = ("{\"answer\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
