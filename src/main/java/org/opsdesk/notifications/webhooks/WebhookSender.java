package org.opsdesk.notifications.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.egress.DestinationGuard;
import org.opsdesk.notifications.egress.DestinationRefused;
import org.opsdesk.notifications.egress.VettedDestination;
import org.opsdesk.shared.WebhookSigner;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends one signed webhook message. The URL is vetted by the {@link DestinationGuard} right before the attempt
 * (scheme, credentials, addresses: a refusal is a permanent failure), and every new connection resolves the host
 * through the guard again, so it opens only to addresses checked at that moment (DNS rebinding) while TLS still
 * verifies the certificate for the host name. Connect timeout 5 s, a whole-exchange deadline of 15 s or the time
 * the caller has left if that is shorter (the request is cancelled then), no redirects followed, no automatic
 * retries, no cookies, no system proxy. At most 1 KB of the response body is read and kept.
 */
@Component
class WebhookSender implements DisposableBean {

    static final int KEPT_BODY_BYTES = 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(15);

    private final DestinationGuard guard;
    private final WebhookSigner signer;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(DestinationGuard guard, WebhookSigner signer, Clock clock) {
        this.guard = guard;
        this.signer = signer;
        this.clock = clock;
        this.client = pooledClient(guard);
    }

    /** Sends the message and answers what came of it within {@code within} (at most 15 s). */
    SendResult send(String url, String messageId, String body, List<String> secrets, Duration within) {
        Duration timeout = within.compareTo(TOTAL_TIMEOUT) < 0 ? within : TOTAL_TIMEOUT;
        VettedDestination destination;
        try {
            destination = guard.vet(url);
        } catch (DestinationRefused refused) {
            return SendResult.permanentFailure("destination refused: " + refused.detail());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = signer.sign(messageId, clock.instant(), bytes, secrets);
        var post = new HttpPost(destination.uri());
        signed.headers().forEach(post::setHeader);
        post.setHeader("User-Agent", "Opsdesk-Webhooks/1");
        post.setEntity(new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON));
        post.setConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setResponseTimeout(Timeout.of(timeout))
                .build());
        long started = System.nanoTime();
        var deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int status = response.getCode();
            String kept = response.getEntity() == null
                    ? null
                    : head(response.getEntity().getContent());
            return classify(
                    status,
                    millisSince(started),
                    kept,
                    retryAfter(response.getFirstHeader("Retry-After"), clock.instant()));
        } catch (RefusedAtConnect refused) {
            return SendResult.permanentFailure("destination refused: " + refused.getMessage());
        } catch (IOException | RuntimeException e) {
            boolean late = post.isCancelled() || e instanceof java.net.SocketTimeoutException;
            String error = late
                    ? "no complete answer within " + seconds(timeout) + " s"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new SendResult(SendResult.Outcome.FAILED_TRANSIENT, error, null, millisSince(started), null, null);
        } finally {
            deadline.cancel(false);
        }
    }

    private static SendResult classify(int status, long latency, @Nullable String body, @Nullable Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return new SendResult(SendResult.Outcome.SENT, null, status, latency, body, null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new SendResult(
                    SendResult.Outcome.FAILED_TRANSIENT, "HTTP " + status, status, latency, body, retryAfter);
        }
        String why =
                status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
        return new SendResult(SendResult.Outcome.FAILED_PERMANENT, why, status, latency, body, null);
    }

    private static String seconds(Duration timeout) {
        return java.math.BigDecimal.valueOf(timeout.toMillis(), 3)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A host whose addresses the guard refused when a new connection was about to be opened. */
    static final class RefusedAtConnect extends UnknownHostException {
        RefusedAtConnect(String reason) {
            super(reason);
        }
    }

    /**
     * One client for every endpoint, its connections kept alive and reused per route (scheme, host, port): a new
     * TCP and TLS handshake per delivery cost more than everything else an attempt does. Every new connection
     * resolves its host through the guard ({@link DestinationGuard#resolveVetted}) and connects only to the
     * addresses it checked, so DNS rebinding is caught at connect time; a kept-alive connection goes to an address
     * checked when it was opened, and lives at most a minute, so a changed DNS answer is checked again soon.
     */
    private static CloseableHttpClient pooledClient(DestinationGuard guard) {
        DnsResolver vetting = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return guard.resolveVetted(host);
                } catch (DestinationRefused refused) {
                    throw new RefusedAtConnect(refused.detail());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(vetting)
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(50)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(Timeout.of(TOTAL_TIMEOUT))
                        .setTimeToLive(TimeValue.ofMinutes(1))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(TOTAL_TIMEOUT))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .evictExpiredConnections()
                .build();
    }

    private static String head(InputStream content) throws IOException {
        try (content) {
            byte[] kept = content.readNBytes(KEPT_BODY_BYTES);
            return new String(kept, StandardCharsets.UTF_8);
        }
    }

    /** Seconds ({@code 120}) or an HTTP date (from {@code now}, the injected clock's); anything else is ignored. */
    static @Nullable Duration retryAfter(@Nullable Header header, java.time.Instant now) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(now, at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
