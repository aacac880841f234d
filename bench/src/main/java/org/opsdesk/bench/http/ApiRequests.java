package org.opsdesk.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.opsdesk.bench.app.BenchApp;

/** Requests to the app's API with the JDK HttpClient, as the benchmarks' setup and slower phases send them. */
public final class ApiRequests {

    private final BenchApp app;
    private final HttpClient http;

    public ApiRequests(BenchApp app) {
        this(app, newClient());
    }

    public ApiRequests(BenchApp app, HttpClient http) {
        this.app = app;
        this.http = http;
    }

    /** HTTP/1.1 (as every client of ours speaks to the app), 5 s to connect. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A request to {@code pathAndQuery} with the API key, JSON accepted, 30 s to answer. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + app.apiKey())
                .header("Accept", "application/json");
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code json} and returns the body, or fails unless the status is 2xx. */
    public String send(String method, String path, String json) throws IOException, InterruptedException {
        var response = http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    public HttpClient client() {
        return http;
    }
}
