package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a scraper read {@code /actuator/prometheus} only with {@code Authorization: Bearer <scrape token>}
 * ({@code opsdesk.metrics.scrape-token}); without a configured token the endpoint is refused to everyone. Only the
 * token's SHA-256 is kept, and a presented token is compared by its SHA-256 in constant time, so neither memory nor
 * timing gives the token away. Health (liveness, readiness) is not behind it.
 */
final class MetricsScrapeGuard extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    private static final String BEARER = "Bearer ";

    private final byte @Nullable [] tokenHash;
    private final ProblemWriter problems;

    MetricsScrapeGuard(@Nullable String token, ProblemWriter problems) {
        this.tokenHash = token == null || token.isBlank() ? null : sha256(token.strip());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tokenHash == null) {
            problems.write(
                    response,
                    Problems.of(
                            403,
                            "metrics-closed",
                            "Metrics are not open to scrapers",
                            "set opsdesk.metrics.scrape-token and send it as a bearer token",
                            List.of()));
            return;
        }
        String authorization = request.getHeader("Authorization");
        boolean presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!presented
                || !MessageDigest.isEqual(
                        tokenHash,
                        sha256(authorization.substring(BEARER.length()).strip()))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            problems.write(
                    response, Problems.of(401, "scrape-token-required", "Scrape token required", null, List.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
