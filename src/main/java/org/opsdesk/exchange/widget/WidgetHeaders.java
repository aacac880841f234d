package org.opsdesk.exchange.widget;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What makes the widget's answers fit for another site's {@code iframe}, in its own filter chain: the application's
 * security policy (as written for every response before) with {@code frame-ancestors} naming the allowed origins
 * instead of {@code 'none'}, and no {@code
 * X-Frame-Options} (it cannot name a list; browsers that know CSP ignore it when {@code frame-ancestors} is there,
 * and older ones would refuse every parent). Only GET and HEAD are answered (405 otherwise); answers may be cached
 * for {@value #MAX_AGE_SECONDS} s; no cookie is ever set — whatever else runs for the request (the console's
 * language switch would remember {@code ?lang=} in one).
 */
final class WidgetHeaders extends OncePerRequestFilter {

    static final int MAX_AGE_SECONDS = 30;

    private static final Pattern FRAME_ANCESTORS = Pattern.compile("frame-ancestors[^;]*");
    /** Only if nothing wrote the application's policy before: as strict as it, but for the framing. */
    private static final String FALLBACK = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private final String frameAncestors;

    /** {@code frameAncestors}: the directive that replaces the application's {@code frame-ancestors 'none'}. */
    WidgetHeaders(String frameAncestors) {
        this.frameAncestors = frameAncestors;
    }

    /** The application's policy as written for every response, with this framing instead of its own. */
    String policy(@Nullable String applicationPolicy) {
        String base = applicationPolicy == null ? FALLBACK : applicationPolicy;
        var matcher = FRAME_ANCESTORS.matcher(base);
        return matcher.find()
                ? matcher.replaceFirst(Matcher.quoteReplacement(frameAncestors))
                : base + "; " + frameAncestors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy(response.getHeader("Content-Security-Policy")));
        response.setHeader("X-Frame-Options", null); // removes what the application-wide headers wrote
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD");
            response.setContentType("text/plain");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write("Only GET and HEAD here.\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        response.setHeader("Vary", "Accept-Language, HX-Request");
        chain.doFilter(request, new WithoutCookies(response));
    }

    /** Drops every cookie a later component would set. */
    private static final class WithoutCookies extends HttpServletResponseWrapper {
        WithoutCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {}

        @Override
        public void addHeader(String name, String value) {
            if (!"Set-Cookie".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Set-Cookie".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }
    }
}
