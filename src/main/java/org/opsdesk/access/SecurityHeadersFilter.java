package org.opsdesk.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, written before anything else runs, so that refusals from filters ahead of
 * Spring Security (oversized bodies, for one) carry them too. Spring Security's own header writers then see the
 * headers present and leave them alone.
 *
 * <p>Pages run no inline script and no inline style. Swagger UI is the one exception, and only for styles: its
 * bundle injects inline {@code <style>} (swagger-api/swagger-ui#10655); its scripts are all files, so
 * {@code script-src 'self'} stays.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader(
                "Content-Security-Policy",
                path.startsWith("/swagger-ui/") || path.equals("/swagger-ui.html") ? SWAGGER_UI_POLICY : POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
