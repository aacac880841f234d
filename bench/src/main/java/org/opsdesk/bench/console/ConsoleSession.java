package org.opsdesk.bench.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;

/**
 * A console session of an operator with the built-in role "operator" (every type, reports:view, no second
 * factor), created through the API and signed in through the login form, as a person's browser would.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final BenchApp app;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ConsoleSession(BenchApp app) {
        this.app = app;
    }

    static ConsoleSession signIn(BenchApp app, String username) throws Exception {
        String password = "quiet-lantern-" + Long.toHexString(System.nanoTime());
        new ApiRequests(app)
                .send(
                        "POST",
                        "/api/v1/operators",
                        "{\"username\":\"" + username + "\",\"displayName\":\"Bench\",\"password\":\"" + password
                                + "\",\"roles\":[\"operator\"]}");
        var session = new ConsoleSession(app);
        Matcher csrf = CSRF.matcher(session.get("/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        var response = session.http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException("sign-in: " + response.statusCode() + " -> " + location);
        }
        return session;
    }

    /** The page at {@code path}; fails unless it answers 200. */
    String get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
