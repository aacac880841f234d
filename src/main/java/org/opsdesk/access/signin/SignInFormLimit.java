package org.opsdesk.access.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in forms ({@code /login}, {@code /login/code}, {@code /logout}) over {@value #MAX_BYTES} bytes with
 * 413 before anything reads them: a username, a password of the longest allowed length and the CSRF token fit many
 * times over, while the servlet container alone would parse two megabytes per request from anyone. A body of
 * unknown length (chunked) is refused too: browsers always send the length of a form.
 */
final class SignInFormLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 16 * 1024;
    static final String[] PATHS = {"/login", "/login/code", "/logout"};

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && tooLarge(request)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean tooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > MAX_BYTES || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    }
}
