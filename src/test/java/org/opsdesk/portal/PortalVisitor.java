package org.opsdesk.portal;

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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as far as the portal cares: cookies kept, redirects not followed, forms sent with the CSRF token of the
 * last page, a client address given as a proxy would, and a language preference.
 */
public final class PortalVisitor {

    static final String PORTAL_COOKIE = "OPSDESK_PORTAL";
    static final String CONSOLE_COOKIE = "OPSDESK_SESSION";

    private final String base;
    private final String ip;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;

    public PortalVisitor(int port, String ip) {
        this.base = "http://127.0.0.1:" + port;
        this.ip = ip;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        headers.put("Accept-Language", "en");
    }

    public record Page(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        public String location() {
            String location = header("location");
            if (location == null) {
                return null;
            }
            URI uri = URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        public Document html() {
            return Jsoup.parse(body);
        }

        /** The error shown beside a field, or null. */
        String fieldError(String field) {
            var error = html().getElementById("err-" + field);
            return error == null ? null : error.text();
        }

        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }
    }

    public PortalVisitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Stops sending a header set with {@link #header}. */
    public PortalVisitor withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    public Page get(String path) {
        return remember(send(request(path).GET()));
    }

    /** Posts the fields (name, value, name, value...) with the last page's CSRF token. */
    public Page post(String path, String... fields) {
        var all = new ArrayList<>(List.of(fields));
        if (csrf != null) {
            all.add("_csrf");
            all.add(csrf);
        }
        return postWithoutToken(path, all.toArray(String[]::new));
    }

    Page post(String path, Map<String, String> fields) {
        var all = new ArrayList<String>();
        fields.forEach((name, value) -> {
            all.add(name);
            all.add(value);
        });
        return post(path, all.toArray(String[]::new));
    }

    Page postWithoutToken(String path, String... fields) {
        var form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return postRaw(path, form.toString());
    }

    /** Posts an already URL-encoded body as it is (for bytes that are not UTF-8), adding the CSRF token. */
    Page postEncoded(String path, String encodedBody) {
        return postRaw(path, encodedBody + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    }

    private Page postRaw(String path, String body) {
        return remember(send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1))));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Sets a cookie for every path of the site, as a forger could. */
    void forceCookie(String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private Page remember(Page page) {
        var token = page.html().selectFirst("input[name=_csrf]");
        if (token != null) {
            csrf = token.attr("value");
        }
        return page;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .header("X-Forwarded-For", ip);
        headers.forEach(builder::header);
        return builder;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var all = response.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
            return new Page(response.statusCode(), all, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
