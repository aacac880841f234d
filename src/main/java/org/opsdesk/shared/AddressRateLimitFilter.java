package org.opsdesk.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request over its client address's rate ({@link AddressRateLimiter}) with {@code 429} and {@code
 * Retry-After}: an RFC 9457 problem where {@code wantsProblem} says the caller reads JSON, a short plain text
 * otherwise (rate files, pages, htmx fragments). For the filter chains of endpoints that anyone may call.
 *
 * <p>The address is the request's remote address: the client's as a trusted proxy forwarded it ({@code
 * server.tomcat.remoteip.internal-proxies}), else the connecting peer's — never an {@code X-Forwarded-For} from
 * anyone else, so a client cannot pick a fresh bucket per request. ({@link PeerAddress} would be the proxy itself,
 * putting every visitor behind it in one bucket.)
 */
public final class AddressRateLimitFilter extends OncePerRequestFilter {

    private final AddressRateLimiter limiter;
    private final Predicate<HttpServletRequest> wantsProblem;

    public AddressRateLimitFilter(AddressRateLimiter limiter, Predicate<HttpServletRequest> wantsProblem) {
        this.limiter = limiter;
        this.wantsProblem = wantsProblem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var decision = limiter.tryAcquire(request.getRemoteAddr());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = decision.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        if (wantsProblem.test(request)) {
            // the same members as the API key's 429 (access.keys.ProblemResponses), written by Jackson
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "urn:opsdesk:problem:rate-limited");
            problem.put("title", "Too many requests");
            problem.put("status", 429);
            problem.put("detail", "this address is over its request rate; retry after " + seconds + " s");
            String requestId = RequestIds.current();
            if (requestId != null) {
                problem.put("requestId", requestId);
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JsonMapper.shared().writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream()
                .write(("Too many requests from this address: try again in " + seconds + " s.\n")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
