package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (which Boot registers because webjars-locator is on the classpath, so
 * that {@code /webjars/htmx.org/dist/htmx.min.js} is written with its version), asked only about links that can be
 * static files. Spring asks the resource resolvers about every link a template writes ({@code @{/portal/orders}}),
 * and a page's path is not a resource: the resolvers look for it in each static location of the jar, find nothing,
 * and do not cache the miss — 30% of the application's CPU on the portal's quote page (JFR, docs/benchmarks.md,
 * "Quote + accept through the portal"). Every static file here has an extension ({@code .css}, {@code .js}); a link
 * whose last path segment has none is encoded as the container would, which is what Spring answers for it after
 * the miss anyway.
 */
final class StaticLinkEncodingFilter extends ResourceUrlEncodingFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(response instanceof HttpServletResponse plain)) {
            super.doFilter(request, response, chain);
            return;
        }
        super.doFilter(
                request,
                response,
                (wrappedRequest, resourceEncoding) -> chain.doFilter(
                        wrappedRequest, new StaticLinksOnly((HttpServletResponse) resourceEncoding, plain)));
    }

    /** Whether a link (path, maybe with a query or fragment) names a file: its last segment has an extension. */
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
        return url.lastIndexOf('.', end - 1) > slash;
    }

    /** Sends file links through Spring's resource encoding and every other link straight to the container's. */
    private static final class StaticLinksOnly extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;

        StaticLinksOnly(HttpServletResponse resourceEncoding, HttpServletResponse plain) {
            super(resourceEncoding);
            this.plain = plain;
        }

        @Override
        public String encodeURL(String url) {
            return mayBeStaticFile(url) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }
}
