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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A webhook receiver on 127.0.0.1 (JDK {@link HttpServer}) that verifies every message with the official Standard
 * Webhooks library, answers with scripted statuses (then 204), and notices a message id arriving while a request
 * with the same id is still in flight. It can take its time (a fixed or random hold per request) and hold new
 * requests open until released, so a test can kill or pause the sender while they are in flight.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(Instant at, String id, String body, boolean verified, int answered) {}

    /** One request from its arrival until its answer was sent (or failed to be), by {@link System#nanoTime()}. */
    record Exchange(String id, long startNanos, long endNanos) {
        boolean overlaps(Exchange other) {
            return startNanos < other.endNanos && other.startNanos < endNanos;
        }
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private static final Duration LONGEST_HOLD_AT_GATE = Duration.ofSeconds(120);

    private final List<Received> received = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> held = new ArrayList<>();
    private boolean holding;
    private long releases;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger concurrentDuplicates = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile String secret = "";
    private volatile Duration holdFor = Duration.ZERO;
    private volatile Duration holdAtMost = Duration.ZERO;
    private volatile String about = "";

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /**
     * From now on, records (and answers from the script) only the messages whose body contains {@code marker},
     * such as the reference of the operation the test created; any other message is answered 204 and forgotten.
     * The database is shared by the test classes, so a status change of another test's operation (a timer firing
     * after some test moved the clock) may reach this endpoint in the middle of a test.
     */
    void onlyAbout(String marker) {
        this.about = marker;
    }

    /** Keeps each request open this long, so overlapping deliveries of one message would be seen. */
    void holdFor(Duration duration) {
        holdBetween(duration, duration);
    }

    /** Keeps each request open for a random time in this range, as a real receiver's work varies. */
    void holdBetween(Duration least, Duration most) {
        this.holdFor = least;
        this.holdAtMost = most;
    }

    /** While on, each new request waits (up to two minutes) until {@link #release()}, with the sender waiting. */
    synchronized void holdArrivals(boolean on) {
        holding = on;
    }

    /** Lets every request waiting since {@link #holdArrivals} go on to its answer. */
    synchronized void release() {
        releases++;
        held.clear();
        notifyAll();
    }

    /** The message ids of the requests waiting to be released. */
    synchronized List<String> held() {
        return List.copyOf(held);
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

    /** Requests whose answer has gone out (or failed to, the sender being gone). */
    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Requests that have arrived, answered or not yet. */
    int arrivals() {
        return arrivals.get();
    }

    int concurrentDuplicates() {
        return concurrentDuplicates.get();
    }

    /** Waits up to 20 s until the condition holds, failing with {@code what} was awaited otherwise. */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(20));
    }

    /** Waits until the condition holds, failing with {@code what} was awaited otherwise. */
    static void await(String what, BooleanSupplier condition, Duration timeout) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        long start = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!body.contains(about)) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        arrivals.incrementAndGet();
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
            waitAtGate(id);
            Thread.sleep(hold().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.remove(id);
        }
        try {
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] reply = ("{\"answer\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
            if (answer.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), reply.length);
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        } finally {
            synchronized (this) {
                exchanges.add(new Exchange(id, start, System.nanoTime()));
            }
        }
    }

    private Duration hold() {
        long least = holdFor.toMillis();
        long most = Math.max(least, holdAtMost.toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(least, most + 1));
    }

    private synchronized void waitAtGate(String id) throws InterruptedException {
        if (!holding) {
            return;
        }
        long mine = releases;
        held.add(id);
        long deadline = System.nanoTime() + LONGEST_HOLD_AT_GATE.toNanos();
        while (releases == mine && System.nanoTime() < deadline) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (releases == mine) {
            held.remove(id);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
