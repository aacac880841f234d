package org.opsdesk.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser, as far as the console cares: cookies kept, redirects not followed (tests look at them), HTML forms
 * with their CSRF token, and a client address given to the server as a proxy would ({@code X-Forwarded-For}).
 */
final class ConsoleClient {

    static final String SESSION_COOKIE = "OPSDESK_SESSION";

    private final String base;
    private final String ip;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String lastCsrf;

    ConsoleClient(int port, String ip) {
        this.base = "http://127.0.0.1:" + port;
        this.ip = ip;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A response, its raw Set-Cookie headers and its body parsed as HTML. */
    record Page(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        String location() {
            String location = header("location");
            return location == null
                    ? null
                    : URI.create(location).getRawPath()
                            + (URI.create(location).getRawQuery() == null
                                    ? ""
                                    : "?" + URI.create(location).getRawQuery());
        }

        Document html() {
            return Jsoup.parse(body);
        }

        String alert() {
            var alert = html().selectFirst("[role=alert]");
            return alert == null ? null : alert.text();
        }

        String sessionCookieHeader() {
            var values = headers.getOrDefault("set-cookie", List.of());
            return values.stream()
                    .filter(v -> v.startsWith(SESSION_COOKIE + "="))
                    .findFirst()
                    .orElse(null);
        }
    }

    ConsoleClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    Page get(String path) {
        Page page = send(request(path).GET());
        var token = page.html().selectFirst("input[name=_csrf]");
        if (token != null) {
            lastCsrf = token.attr("value");
        }
        return page;
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    Page post(String path, String... fields) {
        var all = new ArrayList<>(List.of(fields));
        if (lastCsrf != null) {
            all.add("_csrf");
            all.add(lastCsrf);
        }
        return postWithoutToken(path, all.toArray(String[]::new));
    }

    Page postWithoutToken(String path, String... fields) {
        var form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        Page page = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        var token = page.html().selectFirst("input[name=_csrf]");
        if (token != null) {
            lastCsrf = token.attr("value");
        }
        return page;
    }

    /** GET /login, then the form, then (as a browser does) the page it redirects to; returns the form's answer. */
    Page signIn(String username, String password) {
        get("/login");
        Page answer = post("/login", "username", username, "password", password);
        if (answer.status() == 302) {
            get(answer.location());
        }
        return answer;
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Another browser (another node's view) carrying this one's session cookie. */
    ConsoleClient sameSessionElsewhere(String otherIp) {
        var other = new ConsoleClient(URI.create(base).getPort(), otherIp);
        String session = sessionId();
        if (session != null) {
            var cookie = new HttpCookie(SESSION_COOKIE, session);
            cookie.setPath("/");
            cookie.setVersion(0);
            other.cookies.getCookieStore().add(URI.create(base), cookie);
        }
        return other;
    }

    String ip() {
        return ip;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("User-Agent", "ConsoleClient/1.0 (integration tests)")
                .header("X-Forwarded-For", ip);
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var headers = response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
            return new Page(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
