package org.opsdesk.exchange.ecbimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a reference-rate file over HTTP(S) with a bounded wait and size: the connection within {@code timeout},
 * the response headers within {@code timeout}, and the whole body within {@code timeout} again (a server that
 * trickles bytes is cut off, never waited on forever), at most {@code maxBytes}. Any failure is a {@link Failed}
 * with a reason fit for the import log.
 *
 * <p>Not through {@code notifications.egress.DestinationGuard}: the {@code exchange} module may not depend on
 * {@code notifications}, and the URL is set by whoever configures the application, not typed by a user.
 */
final class EcbFetcher {

    /** Why a fetch gave no file. */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }
    }

    private final Duration timeout;
    private final int maxBytes;
    private final HttpClient client;

    EcbFetcher(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    byte[] fetch(URI url) throws Failed {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new Failed("the URL must be http or https");
        }
        var request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw new Failed("could not fetch: " + describe(unreachable));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new Failed("the server answered HTTP " + response.statusCode());
            }
            return readWithin(body);
        } catch (IOException broken) {
            throw new Failed("could not read the file: " + describe(broken));
        }
    }

    private byte[] readWithin(InputStream body) throws Failed, IOException {
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "ecb-fetch-body");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<byte[]> read = reader.submit(() -> readCapped(body));
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            body.close(); // unblocks the reader
            throw new Failed("the file did not arrive within " + timeout);
        } catch (ExecutionException broken) {
            Throwable cause = broken.getCause();
            if (cause instanceof Failed failed) {
                throw failed;
            }
            throw new Failed("could not read the file: " + describe(cause));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        } finally {
            reader.shutdownNow();
        }
    }

    private byte[] readCapped(InputStream body) throws IOException, Failed {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = body.read(buffer)) != -1) {
            if (out.size() + n > maxBytes) {
                throw new Failed("the file is larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
