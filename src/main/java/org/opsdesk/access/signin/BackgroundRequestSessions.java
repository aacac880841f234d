package org.opsdesk.access.signin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.GuardedSession;
import org.opsdesk.shared.GuardedSession.LastAccessPolicy;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The console's session store, except that a request the page makes by itself — a background poll, marked with
 * {@value #HEADER} by the element that polls — does not count as activity: it reads the session (and ends there
 * when the session is past its idle timeout) but does not move its last-access time. So a list page left open
 * with its 10-second poll still times out after {@code opsdesk.sessions.idle-timeout} without a person's request.
 * A forged header can only make the sender's own session end sooner.
 */
final class BackgroundRequestSessions<S extends Session> implements SessionRepository<GuardedSession<S>> {

    /** The header a polling element sends ({@code hx-headers}), with the value {@value #POLL}. */
    static final String HEADER = "X-Opsdesk-Background";

    static final String POLL = "poll";

    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private final SessionRepository<S> sessions;

    BackgroundRequestSessions(SessionRepository<S> sessions) {
        this.sessions = sessions;
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

    @Override
    public GuardedSession<S> createSession() {
        return new GuardedSession<>(sessions.createSession(), LastAccessPolicy.ALWAYS);
    }

    @Override
    public void save(GuardedSession<S> session) {
        sessions.save(session.stored());
    }

    @Override
    public @Nullable GuardedSession<S> findById(String id) {
        S found = sessions.findById(id);
        return found == null
                ? null
                : new GuardedSession<>(found, BACKGROUND.get() ? LastAccessPolicy.NEVER : LastAccessPolicy.ALWAYS);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }
}
