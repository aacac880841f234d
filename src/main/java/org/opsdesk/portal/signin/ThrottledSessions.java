package org.opsdesk.portal.signin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The portal's session store, sparing the database two round trips a request. Spring Session writes a session's
 * last-access time on every request (a durable commit for a page view) and, after saving, reads the session again
 * to check the id the browser sent. Here the last-access time moves only when it moved by {@link #WRITE_EVERY} or
 * more, so a session is written when its attributes change and at most once a minute otherwise; and a session read
 * once in a request is not read again in it.
 *
 * <p>The idle timeout still holds, measured from the last access written: a session ends after at least {@code
 * idle-timeout − 1 minute} without a request and never later than {@code idle-timeout} after the last one. Ending up
 * to a minute early is the price; ending late is impossible, since the stored time is never ahead of the real one.
 */
final class ThrottledSessions<S extends Session> implements SessionRepository<ThrottledSessions.Kept<S>> {

    /** How far the last access must move before it is written. */
    static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    /** The session read in this request, by id; {@link #forEachRequest} forgets it when the request ends. */
    private static final ThreadLocal<@Nullable Kept<?>> READ = new ThreadLocal<>();

    private final SessionRepository<S> sessions;

    ThrottledSessions(SessionRepository<S> sessions) {
        this.sessions = sessions;
    }

    /** Runs the session filter so that what it read in this request is forgotten when the request ends. */
    static Filter forEachRequest(Filter sessionFilter) {
        return (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            try {
                sessionFilter.doFilter(request, response, chain);
            } finally {
                READ.remove();
            }
        };
    }

    @Override
    public Kept<S> createSession() {
        return new Kept<>(sessions.createSession());
    }

    @Override
    public void save(Kept<S> session) {
        sessions.save(session.session);
        READ.set(session);
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable Kept<S> findById(String id) {
        Kept<?> read = READ.get();
        if (read != null && read.getId().equals(id)) {
            return (Kept<S>) read;
        }
        S found = sessions.findById(id);
        if (found == null) {
            return null;
        }
        var kept = new Kept<>(found);
        READ.set(kept);
        return kept;
    }

    @Override
    public void deleteById(String id) {
        READ.remove();
        sessions.deleteById(id);
    }

    /** A stored session whose last-access time moves by a minute or more, or not at all. */
    static final class Kept<S extends Session> implements Session {

        private final S session;

        Kept(S session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(session.getLastAccessedTime().plus(WRITE_EVERY))) {
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
