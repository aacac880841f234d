package org.opsdesk.access.signin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The console's session store, except that a request the page makes by itself — a background poll, marked with
 * {@value #HEADER} by the element that polls — does not count as activity: it reads the session (and ends there
 * when the session is past its idle timeout) but does not move its last-access time. So a list page left open
 * with its 10-second poll still times out after {@code opsdesk.sessions.idle-timeout} without a person's request.
 * A forged header can only make the sender's own session end sooner.
 */
final class BackgroundRequestSessions<S extends Session>
        implements SessionRepository<BackgroundRequestSessions.Tracked<S>> {

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
    public Tracked<S> createSession() {
        return new Tracked<>(sessions.createSession(), false);
    }

    @Override
    public void save(Tracked<S> session) {
        sessions.save(session.session);
    }

    @Override
    public @Nullable Tracked<S> findById(String id) {
        S found = sessions.findById(id);
        return found == null ? null : new Tracked<>(found, BACKGROUND.get());
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    /** A stored session; a background request's access leaves its last-access time as it was. */
    static final class Tracked<S extends Session> implements Session {

        private final S session;
        private final boolean background;

        Tracked(S session, boolean background) {
            this.session = session;
            this.background = background;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!background) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
