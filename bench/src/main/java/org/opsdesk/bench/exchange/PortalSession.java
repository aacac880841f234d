package org.opsdesk.bench.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsdesk.bench.http.HttpError;
import org.opsdesk.bench.http.PlainHttp;

/**
 * One visitor of the portal as a browser is to it: its own keep-alive connection, the portal's session cookie kept
 * as the server sets it, redirects not followed, and every form posted with the CSRF token of the last page that
 * carried one. Pages are searched with regular expressions, not parsed: this client shares the cores with the app.
 * Not thread-safe: one per client thread.
 */
final class PortalSession implements AutoCloseable {

    static final String COOKIE = "OPSDESK_PORTAL";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("class=\"(?:field-)?error\"[^>]*>(.*?)</", Pattern.DOTALL);
    private static final String HTML = "text/html";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final PlainHttp http;
    private String cookie;
    private String csrf;

    PortalSession(int port) {
        this.http = PlainHttp.anonymous(port);
    }

    /** A page; any status other than 200 is an {@link HttpError} carrying the body. */
    String page(String path) throws IOException, HttpError {
        var response = send("GET", path, null, false);
        if (response.status() != 200) {
            throw new HttpError(response.status(), "GET " + path + ": " + problem(response.body()));
        }
        return response.body();
    }

    /**
     * Posts a form (name, value, name, value…) with the CSRF token; the answer must be a 200 page or a redirect
     * (returned as is), anything else is an {@link HttpError} carrying the body.
     */
    PlainHttp.Response post(String path, String... fields) throws IOException, HttpError {
        return post(false, path, fields);
    }

    /**
     * As {@link #post(String, String...)}, as the page's script (htmx) sends it: with {@code HX-Request: true}, so
     * that a server which answers htmx with a fragment does so (an older one ignores the header).
     */
    PlainHttp.Response postAsHtmx(String path, String... fields) throws IOException, HttpError {
        return post(true, path, fields);
    }

    private PlainHttp.Response post(boolean htmx, String path, String... fields) throws IOException, HttpError {
        var body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            field(body, fields[i], fields[i + 1]);
        }
        if (csrf != null) {
            field(body, "_csrf", csrf);
        }
        var response = send("POST", path, body.toString(), htmx);
        if (response.status() != 200 && response.status() / 100 != 3) {
            throw new HttpError(response.status(), "POST " + path + ": " + problem(response.body()));
        }
        return response;
    }

    /** A redirect's target path (and query), which a posted form must answer with. */
    static String redirect(PlainHttp.Response response, String what) throws HttpError {
        String location = response.header("location");
        if (response.status() / 100 != 3 || location == null) {
            throw new HttpError(response.status(), what + " did not redirect: " + problem(response.body()));
        }
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * What a page says went wrong, for an error's sample: the text of its first error message (a field's or the
     * form's), else its text without tags, at most 300 characters.
     */
    static String problem(String page) {
        String said = find(ERROR, page);
        String text = (said != null ? said : page)
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The first group of {@code pattern} in {@code page}, or null. */
    static String find(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private PlainHttp.Response send(String method, String path, String form, boolean htmx) throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept-Language", "en");
        if (cookie != null) {
            headers.put("Cookie", COOKIE + "=" + cookie);
        }
        if (htmx) {
            headers.put("HX-Request", "true");
        }
        var response = http.send(method, path, HTML, headers, FORM, form);
        for (String set : response.headers("set-cookie")) {
            if (set.startsWith(COOKIE + "=")) {
                String value =
                        set.substring(COOKIE.length() + 1, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                cookie = value.isEmpty() ? null : value;
            }
        }
        String token = find(CSRF, response.body());
        if (token != null) {
            csrf = token;
        }
        return response;
    }

    private static void field(StringBuilder body, String name, String value) {
        body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
