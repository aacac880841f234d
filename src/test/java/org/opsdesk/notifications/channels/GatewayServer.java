package org.opsdesk.notifications.channels;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK {@link HttpServer} on 127.0.0.1 standing in for an SMS or push provider: records requests, answers as told. */
public final class GatewayServer implements AutoCloseable {

    public record Received(String path, String body, String contentType, String authorization) {}

    private final HttpServer server;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int status = 202;
    volatile long delayMillis;
    volatile String location = "";

    public GatewayServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    body,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!location.isEmpty()) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] answer = "{\"id\":\"msg-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
