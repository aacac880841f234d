package org.opsdesk.provider.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.shared.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the connector (the protocol is in ADR 0025). {@link #send} posts an action's request to {@code
 * {base}/actions/{actionId}} and {@link #status} asks {@code {base}/actions/{actionId}/{operationId}}, both signed
 * as Standard Webhooks with the operation id as message id, with the credentials header and {@code
 * Idempotency-Key: <operation id>} on every try. A send is tried again only after a network error (a timeout
 * included) or a {@code 5xx}, after a short doubling delay, and never past the total timeout; a status query is
 * tried once (the resolver's schedule is its retry). Answers are read up to the size cap; redirects are not
 * followed. Nothing here logs a header.
 */
@Component
public class ProviderClient {

    private static final Logger log = LoggerFactory.getLogger(ProviderClient.class);
    /** What may stand in a path segment of the provider's URLs: declared action ids are of this alphabet. */
    private static final Pattern ACTION_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    private final ProviderSettings settings;
    private final ProviderAnswers answers;
    private final JsonMapper json;
    private final WebhookSigner signer;
    private final Clock clock;
    private final HttpClient http;

    ProviderClient(ProviderSettings settings, JsonMapper json, WebhookSigner signer, Clock clock) {
        this.settings = settings;
        this.answers = new ProviderAnswers(json);
        this.json = json;
        this.signer = signer;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** For a connector built by hand (tests). */
    public static ProviderClient of(ProviderSettings settings, JsonMapper json, Clock clock) {
        return new ProviderClient(settings, json, new WebhookSigner(), clock);
    }

    public boolean configured() {
        return settings.configured();
    }

    /** Sends one action's request and classifies the answer: done, failed, or pending (accepted or unknown). */
    public ProviderAnswer send(UUID operationId, String actionId, Map<String, Object> request) {
        URI uri = actionUri(actionId, null);
        byte[] body = json.writeValueAsBytes(request);
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        String lastProblem = "no try was made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.toMillis() < 1) {
                break;
            }
            Exchange exchange = exchange(post(uri, body), operationId, body, min(left));
            if (exchange.status() != null && exchange.status() < 500) {
                return onSend(exchange.status(), exchange.body());
            }
            lastProblem = exchange.problem();
            if (attempt < settings.maxAttempts() && !pause(attempt, deadline)) {
                break;
            }
        }
        log.info("provider gave no answer to {} of operation {}: {}", actionId, operationId, lastProblem);
        return new ProviderAnswer.Pending("no answer from the provider: " + lastProblem);
    }

    /**
     * Asks the provider what became of an action; {@link ProviderAnswer.Pending} when it is not known yet (404,
     * accepted, no answer, an unexpected one), saying why.
     */
    public ProviderAnswer status(UUID operationId, String actionId) {
        URI uri = actionUri(actionId, operationId);
        byte[] empty = new byte[0];
        var builder = HttpRequest.newBuilder(uri).GET();
        Exchange exchange = exchange(builder, operationId, empty, settings.attemptTimeout());
        Integer status = exchange.status();
        if (status == null) {
            return new ProviderAnswer.Pending("no answer from the provider: " + exchange.problem());
        }
        if (status == 404) {
            return new ProviderAnswer.Pending("not known to the provider yet (HTTP 404)");
        }
        ProviderAnswer read = answers.read(exchange.body());
        if ((status == 200 || status == 422) && read != null) {
            return read;
        }
        return new ProviderAnswer.Pending(
                status == 202 ? ProviderAnswers.ACCEPTED : "unexpected answer from the provider (HTTP " + status + ")");
    }

    private ProviderAnswer onSend(int status, byte @Nullable [] body) {
        ProviderAnswer read = answers.read(body);
        if (status == 200) {
            return read != null ? read : unexpected(status);
        }
        if (status == 202) {
            return new ProviderAnswer.Pending(ProviderAnswers.ACCEPTED);
        }
        if (status >= 400) {
            return read instanceof ProviderAnswer.Failed failed
                    ? failed
                    : new ProviderAnswer.Failed("the provider refused the request (HTTP " + status + ")");
        }
        return unexpected(status); // 1xx, 3xx, another 2xx: whether it was done is not known
    }

    private static ProviderAnswer unexpected(int status) {
        return new ProviderAnswer.Pending("unexpected answer from the provider (HTTP " + status + ")");
    }

    private static HttpRequest.Builder post(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** One try, within {@code timeout} from connecting to the last byte of the answer. */
    private Exchange exchange(HttpRequest.Builder builder, UUID operationId, byte[] body, Duration timeout) {
        var signed = signer.sign(
                operationId.toString(),
                clock.instant(),
                body,
                java.util.List.of(java.util.Objects.requireNonNull(settings.signingSecret())));
        signed.headers().forEach(builder::header);
        builder.header("Idempotency-Key", operationId.toString()).header("Accept", "application/json");
        if (!settings.credentials().isEmpty()) {
            builder.header(settings.credentialsHeader(), settings.credentials());
        }
        CompletableFuture<HttpResponse<byte @Nullable []>> future = http.sendAsync(
                builder.timeout(timeout).build(), info -> CappedBody.subscriber(settings.maxResponseBytes()));
        try {
            var response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Exchange(response.statusCode(), response.body(), "HTTP " + response.statusCode());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Exchange(null, null, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Exchange(null, null, cause.getClass().getSimpleName() + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Exchange(null, null, "interrupted");
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null
                        || cause instanceof IOException && cause.getMessage().isBlank()
                ? ""
                : ": " + cause.getMessage();
    }

    /** Waits before try {@code attempt + 1}; false when the wait would pass the deadline. */
    private boolean pause(int attempt, long deadline) {
        long delay = settings.retryDelay().toNanos() << Math.min(attempt - 1, 10);
        if (System.nanoTime() + delay >= deadline) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration min(Duration left) {
        return left.compareTo(settings.attemptTimeout()) < 0 ? left : settings.attemptTimeout();
    }

    private URI actionUri(String actionId, @Nullable UUID operationId) {
        if (!ACTION_ID.matcher(actionId).matches() || actionId.length() > 100) {
            throw new IllegalArgumentException("not an action id: " + actionId);
        }
        String base = settings.baseUrl().toString();
        return URI.create(base + "/actions/" + actionId + (operationId == null ? "" : "/" + operationId));
    }

    /** What one try brought: the status and body, or (status null) why there was none. */
    private record Exchange(@Nullable Integer status, byte @Nullable [] body, String problem) {}
}
