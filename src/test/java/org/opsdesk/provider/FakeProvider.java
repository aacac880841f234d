package org.opsdesk.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The payment provider in the tests: a real HTTP server (JDK HttpServer) on 127.0.0.1 under {@code /provider}. A
 * POST takes the next scripted reply (500 when none is left); a GET asks {@link #status}. Every request is kept, with
 * its headers (names in lower case) and body.
 */
public final class FakeProvider implements AutoCloseable {

    /** A request as the provider saw it. */
    public record Seen(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer, sent after {@code delay}. */
    public record Reply(int status, String body, Duration delay) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> sends = new ConcurrentLinkedDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<String, Reply> status = path -> Reply.of(404, "");

    private FakeProvider(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/provider", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static FakeProvider start(int port) {
        return new FakeProvider(port);
    }

    /** The next POSTs' replies, in order. */
    public FakeProvider replies(Reply... replies) {
        sends.addAll(List.of(replies));
        return this;
    }

    /** How GETs (status queries) are answered, by path. */
    public FakeProvider status(Function<String, Reply> answer) {
        status = answer;
        return this;
    }

    /** The requests whose path contains {@code part}. */
    public List<Seen> seen(String part) {
        return seen.stream().filter(s -> s.path().contains(part)).toList();
    }

    public void reset() {
        sends.clear();
        seen.clear();
        status = path -> Reply.of(404, "");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new TreeMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, headers, body));
            Reply reply = exchange.getRequestMethod().equals("POST")
                    ? java.util.Objects.requireNonNullElse(sends.poll(), Reply.of(500, ""))
                    : status.apply(path);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the connector gave up on this request (a timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
