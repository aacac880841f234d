package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.opsdesk.shared.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the caller's {@code X-Request-Id} when it is sane, or makes one; logs, history and errors carry it. */
final class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(RequestIds.HEADER);
        String requestId = given != null && SANE.matcher(given).matches() ? given : newRequestId();
        MDC.put(RequestIds.MDC_KEY, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id correlates log lines and guards
     * nothing, so it need not come from the one SecureRandom every {@code UUID.randomUUID()} locks: under load
     * request threads queued on that lock (JFR, 200 API creations/s with webhooks on 2 cores: 45 s of waits in a
     * 58-s window, most of them for request ids).
     */
    static String newRequestId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
