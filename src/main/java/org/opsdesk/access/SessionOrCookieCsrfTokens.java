package org.opsdesk.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the console keeps its CSRF token: in the session once there is one (after the password), and before that
 * in an HttpOnly, SameSite=Lax cookie, so that showing the sign-in page to anyone — a crawler, a load balancer's
 * check, an attacker in a loop — writes no session row to PostgreSQL. A session, when present, is the only store
 * consulted: a token from before sign-in is worthless after it.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "OPSDESK_CSRF";
    private static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokens() {
        cookies.setCookieName(COOKIE);
        cookies.setCookiePath("/");
        cookies.setHeaderName(HEADER); // the same header as the session's tokens, for the console's htmx requests
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
            if (cookies.loadToken(request) != null) {
                cookies.saveToken(null, request, response); // the token from before sign-in is done with
            }
        } else {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? sessions.loadToken(request) : cookies.loadToken(request);
    }
}
