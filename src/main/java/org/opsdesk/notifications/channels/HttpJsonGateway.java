package org.opsdesk.notifications.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * POSTs a JSON body rendered from a template to a configured URL, with the configured auth header, a connect and
 * a total time limit and no redirects, and classifies the answer: 2xx sent; 408, 429 and 5xx or no answer in time
 * worth a retry; any other status (including a redirect) permanent.
 */
final class HttpJsonGateway {

    private final String channel;
    private final HttpGatewaySettings settings;
    private final JsonBodyTemplate body;
    private final HttpClient http;

    HttpJsonGateway(String channel, HttpGatewaySettings settings) {
        this.channel = channel;
        this.settings = settings;
        this.body = new JsonBodyTemplate(settings.bodyTemplate());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    SendResult post(Map<String, String> values) {
        if (!settings.configured()) {
            return SendResult.permanentFailure(
                    "no " + channel + " gateway is configured (opsdesk.notifications." + channel + ".url)");
        }
        var request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.totalTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.render(values), StandardCharsets.UTF_8));
        if (!settings.authHeader().isBlank()) {
            request.header(settings.authHeader(), settings.authValue());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return SendResult.transientFailure(channel + " gateway did not answer in time: " + e.getMessage());
        } catch (IOException e) {
            return SendResult.transientFailure(channel + " gateway unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.transientFailure(channel + " gateway call interrupted");
        }
    }

    private SendResult classify(int status, String responseBody) {
        String answer = channel + " gateway answered " + status + excerpt(responseBody);
        if (status >= 200 && status < 300) {
            return SendResult.sent(answer);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.transientFailure(answer);
        }
        if (status >= 300 && status < 400) {
            return SendResult.permanentFailure(answer + " (redirects are not followed)");
        }
        return SendResult.permanentFailure(answer);
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "";
        }
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
