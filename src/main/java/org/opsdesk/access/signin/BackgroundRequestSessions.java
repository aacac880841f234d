package org.opsdesk.access.signin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.opsdesk.shared.GuardedSession.LastAccessPolicy;
import org.opsdesk.shared.ThrottledSessions;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The console's background requests: a request the page makes by itself — a background poll, marked with {@value
 * #HEADER} by the element that polls — does not count as activity: it reads the session (and ends there when the
 * session is past its idle timeout) but does not move its last-access time. So a list page left open with its
 * 10-second poll still times out after {@code opsdesk.sessions.idle-timeout} without a person's request. A
 * person's request moves it at most once a minute ({@link ThrottledSessions}). A forged header can only make the
 * sender's own session end sooner.
 */
final class BackgroundRequestSessions {

    /** The header a polling element sends ({@code hx-headers}), with the value {@value #POLL}. */
    static final String HEADER = "X-Opsdesk-Background";

    static final String POLL = "poll";

    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private BackgroundRequestSessions() {}

    /** The console's session store: Spring Session's, throttled, and still on background requests. */
    static <S extends Session> ThrottledSessions<S> over(SessionRepository<S> sessions) {
        return new ThrottledSessions<>(
                sessions, () -> BACKGROUND.get() ? LastAccessPolicy.NEVER : ThrottledSessions.ONCE_A_MINUTE);
    }

    static boolean isBackground(HttpServletRequest request) {
        return POLL.equals(request.getHeader(HEADER)) && "GET".equals(request.getMethod());
    }

    /** Runs the session filter for a background request: sessions it finds keep their last-access time. */
    static void filterInBackground(
            Filter sessionFilter, ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BACKGROUND.set(true);
        try {
            sessionFilter.doFilter(request, response, chain);
        } finally {
            BACKGROUND.remove();
        }
    }
}
