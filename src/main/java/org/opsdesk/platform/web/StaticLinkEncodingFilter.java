package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * In place of Spring's {@link ResourceUrlEncodingFilter} (which Boot registers because webjars-locator is on the
 * classpath, so that {@code /webjars/htmx.org/dist/htmx.min.js} is written with its version): links are still
 * written as the resource resolvers answer, but the resolvers are asked about links that can be files only, and
 * once per link. Spring asks them about every link a template writes ({@code @{/portal/orders}}); a page's path
 * is no resource, so they look for it in each static location of the jar, find nothing, and do not remember the
 * miss — 30% of the application's CPU on the portal's quote page (JFR, docs/benchmarks.md, "Quote + accept through
 * the portal"). Every static file here has an extension ({@code .css}, {@code .js}); a link whose last path segment
 * has none is left as it is, which is what Spring answers for it after the miss anyway.
 *
 * <p>The answers (found or not) are remembered per link, as Spring's caching resolver remembers the links it finds:
 * the resources in the jar do not change while it runs, and every request here has the same context path. Only the
 * resolution is remembered; the container's own encoding of the link runs on every request.
 */
final class StaticLinkEncodingFilter extends ResourceUrlEncodingFilter {

    /** Links remembered at most: a template writes a few dozen file links, not thousands. */
    static final int MAX_LINKS = 1024;

    /** The file types served from the static locations and webjars (and a few more a browser may load). */
    static final Set<String> FILE_TYPES = Set.of(
            "css",
            "js",
            "mjs",
            "map",
            "png",
            "jpg",
            "jpeg",
            "gif",
            "svg",
            "ico",
            "webp",
            "avif",
            "woff",
            "woff2",
            "ttf",
            "otf",
            "txt",
            "xml",
            "json",
            "webmanifest");

    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse plain) {
            chain.doFilter(request, new FileLinks(http, plain));
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Whether a link (path, maybe with a query or fragment) may name a static file: its last segment ends in the
     * extension of one of the {@link #FILE_TYPES}.
     */
    static boolean mayBeStaticFile(String url) {
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#' || c == ';') {
                end = i;
                break;
            }
        }
        int slash = url.lastIndexOf('/', end - 1);
        int dot = url.lastIndexOf('.', end - 1);
        return dot > slash && FILE_TYPES.contains(url.substring(dot + 1, end).toLowerCase(Locale.ROOT));
    }

    private String resolve(HttpServletRequest request, String url) {
        String known = resolved.get(url);
        if (known != null) {
            return known;
        }
        // exposed by Spring MVC's interceptor before a view renders; before that, links stay as they are
        if (!(request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                instanceof ResourceUrlProvider provider)) {
            return url;
        }
        String found = provider.getForRequestUrl(request, url);
        String answer = found == null ? url : found;
        if (resolved.size() < MAX_LINKS) {
            resolved.put(url, answer);
        }
        return answer;
    }

    /** Writes file links as the resource resolvers answer and every other link as it is, then as the container. */
    private final class FileLinks extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        FileLinks(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public String encodeURL(String url) {
            return super.encodeURL(mayBeStaticFile(url) ? resolve(request, url) : url);
        }
    }
}
