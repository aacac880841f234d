package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses console bodies (every request outside {@code /api/} that carries one: forms, htmx posts) over {@code
 * opsdesk.console.max-form-bytes} with 413 before anything reads them — Spring Security's CSRF check parses the form
 * first thing, and the servlet container alone would parse two megabytes per request. The error page says "Form too
 * large" in the operator's language. A body of unknown length (chunked) is refused too: browsers always send the
 * length of a form. The API has its own limit with problem documents ({@link BodySizeLimitFilter}); the sign-in
 * forms a much smaller one of their own.
 */
final class ConsoleFormLimit extends OncePerRequestFilter {

    private final long normalLimit;
    private final UploadPaths uploads;

    ConsoleFormLimit(long limit, UploadPaths uploads) {
        this.normalLimit = limit;
        this.uploads = uploads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long limit = uploads.limitFor(request, normalLimit);
        if (length > limit || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
