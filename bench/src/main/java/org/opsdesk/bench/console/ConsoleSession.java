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
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;
import tools.jackson.databind.node.ObjectNode;

/**
 * A console session of an operator signed in through the login form, as a person's browser would. By default the
 * operator holds {@code bench_operator}: the built-in role "operator"'s permissions (every type, reports:view) without its
 * second factor, which the built-in roles require since V2026120711 and a benchmark cannot enter; {@link
 * #signIn(BenchApp, String, String)} copies another built-in role alike ({@code bench_<role>}). Like every operator
 * an administrator created, it chooses its own password at its first sign-in.
 */
public final class ConsoleSession {

    private static final String PASSWORD_PAGE = "/account/password";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final BenchApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ConsoleSession(BenchApp app) {
        this.app = app;
    }

    static ConsoleSession signIn(BenchApp app, String username) throws Exception {
        return signIn(app, username, "operator");
    }

    /**
     * Signs in a new operator holding the permissions of the built-in role {@code builtInRole} without its second
     * factor (role {@code bench_<builtInRole>}).
     */
    public static ConsoleSession signIn(BenchApp app, String username, String builtInRole) throws Exception {
        String password = "quiet-lantern-" + Long.toHexString(System.nanoTime());
        var api = new ApiRequests(app);
        String role = "bench_" + builtInRole;
        createRole(api, role, builtInRole);
        api.send(
                "POST",
                "/api/v1/operators",
                "{\"username\":\"" + username + "\",\"displayName\":\"Bench\",\"password\":\"" + password
                        + "\",\"roles\":[\"" + role + "\"]}");
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
        session.choosePassword(password);
        return session;
    }

    /**
     * An operator whose password an administrator set is held at the password change page until they choose their
     * own: choose one, as the operator would on their first sign-in.
     */
    private void choosePassword(String current) throws Exception {
        Matcher csrf = CSRF.matcher(get(PASSWORD_PAGE));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + PASSWORD_PAGE);
        }
        String chosen = current + "-own";
        String form = "current=" + enc(current) + "&password=" + enc(chosen) + "&confirmation=" + enc(chosen)
                + "&_csrf=" + enc(csrf.group(1));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + PASSWORD_PAGE))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains("passwordChanged")) {
            throw new IllegalStateException("password change: " + response.statusCode() + " -> " + location);
        }
    }

    /** The built-in role {@code builtIn}'s permissions without a second factor as {@code name}, once per app. */
    private static void createRole(ApiRequests api, String name, String builtIn) throws Exception {
        if (api.get("/api/v1/roles/" + name).statusCode() == 200) {
            return;
        }
        ObjectNode role = (ObjectNode) Bench.JSON.readTree(api.send("GET", "/api/v1/roles/" + builtIn, null));
        var draft = Bench.JSON
                .createObjectNode()
                .put("name", name)
                .put("description", "the benchmarks' " + builtIn + ": the " + builtIn + " role without a second factor")
                .put("mfaRequired", false)
                .set("permissions", role.get("permissions"));
        api.send("POST", "/api/v1/roles", Bench.JSON.writeValueAsString(draft));
    }

    /**
     * The session's cookies as a {@code Cookie} header's value, for a load generator that sends the requests of
     * this signed-in browser itself (wrk).
     */
    public String cookieHeader() {
        return String.join(
                "; ",
                cookies.getCookieStore().get(URI.create(app.baseUrl())).stream()
                        .map(c -> c.getName() + "=" + c.getValue())
                        .toList());
    }

    /** The page at {@code path}; fails unless it answers 200. */
    public String get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode()
                    + response.headers()
                            .firstValue("Location")
                            .map(l -> " -> " + l)
                            .orElse(""));
        }
        return response.body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
