package org.opsdesk.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.egress.DestinationGuard;
import org.opsdesk.shared.WebhookSigner;

/** The sender's connections: reused between attempts, and opened only to addresses the guard checked just then. */
class WebhookSenderTests {

    private static final List<String> SECRETS = List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private final HttpServer receiver = receiver();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDateFromTheClocksNow() {
        var now = java.time.Instant.parse("2015-10-21T07:27:00Z");
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "120"), now))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), now))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookSender.retryAfter(
                        new BasicHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), now.plusSeconds(3600)))
                .isEqualTo(Duration.ZERO);
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "soon"), now))
                .isNull();
        assertThat(WebhookSender.retryAfter(null, now)).isNull();
    }

    @Test
    void reusesOneKeptAliveConnectionForAttemptsToTheSameHost() throws Exception {
        var guard = new DestinationGuard(
                true, List.of("127.0.0.1/32"), host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        var sender = new WebhookSender(guard, new WebhookSigner(), Clock.systemUTC());
        String url = "http://hooks.test:" + receiver.getAddress().getPort() + "/hook";
        try {
            for (int i = 0; i < 5; i++) {
                var result = sender.send(url, "msg_" + i, "{\"n\":" + i + "}", SECRETS, Duration.ofSeconds(15));
                assertThat(result.outcome()).as(String.valueOf(result.error())).isEqualTo(SendResult.Outcome.SENT);
            }
        } finally {
            sender.destroy();
        }
        assertThat(clientPorts).as("one TCP connection for all five").hasSize(1);
        assertThat(hosts).as("the Host header keeps the name").allMatch(h -> h.startsWith("hooks.test"));
    }

    @Test
    void refusesAtConnectTimeWhenTheNameNowResolvesToAForbiddenAddress() throws Exception {
        // the pre-flight check sees a public address, the connection about to be opened a private one (rebinding)
        var answers = new ArrayDeque<>(List.of("93.184.215.14", "10.1.2.3"));
        var guard = new DestinationGuard(
                true, List.of(), host -> new InetAddress[] {InetAddress.getByName(answers.poll())});
        var sender = new WebhookSender(guard, new WebhookSigner(), Clock.systemUTC());
        try {
            var result = sender.send("http://rebind.example.com/hook", "msg_1", "{}", SECRETS, Duration.ofSeconds(15));

            assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_PERMANENT);
            assertThat(result.error()).contains("destination refused").contains("10.1.2.3");
            assertThat(answers)
                    .as("resolved twice: before the attempt and at connect")
                    .isEmpty();
        } finally {
            sender.destroy();
        }
    }

    private HttpServer receiver() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/hook", exchange -> {
                clientPorts.add(exchange.getRemoteAddress().getPort());
                hosts.add(exchange.getRequestHeaders().getFirst("Host"));
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
