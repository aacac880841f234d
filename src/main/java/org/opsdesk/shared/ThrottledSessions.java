package org.opsdesk.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.GuardedSession.LastAccessPolicy;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session store sparing the database two round trips a request — the console's and the portal's. Spring Session writes a session's
 * last-access time on every request (a durable commit for a page view) and, after saving, reads the session again
 * to check the id the browser sent. Here the last-access time moves only when it moved by {@link #WRITE_EVERY} or
 * more, so a session is written when its attributes change and at most once a minute otherwise; and a session read
 * once in a request is not read again in it.
 *
 * <p>The idle timeout still holds, measured from the last access written: a session ends after at least {@code
 * idle-timeout − 1 minute} without a request and never later than {@code idle-timeout} after the last one. Ending up
 * to a minute early is the price; ending late is impossible, since the stored time is never ahead of the real one.
 */
public final class ThrottledSessions<S extends Session> implements SessionRepository<GuardedSession<S>> {

    /** How far the last access must move before it is written. */
    public static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    /** A last access is written when it moved by {@link #WRITE_EVERY} or more since the one stored. */
    public static final LastAccessPolicy ONCE_A_MINUTE =
            (stored, accessed) -> !accessed.isBefore(stored.plus(WRITE_EVERY));

    private final SessionRepository<S> sessions;
    private final Supplier<LastAccessPolicy> policy;

    /**
     * The session read in this request, by id; {@link #forEachRequest} forgets it when the request ends. One per
     * store, so that the console's and the portal's never hand out each other's session.
     */
    private final ThreadLocal<@Nullable GuardedSession<S>> read = new ThreadLocal<>();

    /** Writes the last access at most once a minute. */
    public ThrottledSessions(SessionRepository<S> sessions) {
        this(sessions, () -> ONCE_A_MINUTE);
    }

    /**
     * @param policy the policy of a session found for the current request, asked once per request (the console's
     *     background polls: {@link LastAccessPolicy#NEVER})
     */
    public ThrottledSessions(SessionRepository<S> sessions, Supplier<LastAccessPolicy> policy) {
        this.sessions = sessions;
        this.policy = policy;
    }

    /** Runs the session filter so that what it read in this request is forgotten when the request ends. */
    public Filter forEachRequest(Filter sessionFilter) {
        return (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            try {
                sessionFilter.doFilter(request, response, chain);
            } finally {
                read.remove();
            }
        };
    }

    @Override
    public GuardedSession<S> createSession() {
        return new GuardedSession<>(sessions.createSession(), ONCE_A_MINUTE);
    }

    @Override
    public void save(GuardedSession<S> session) {
        sessions.save(session.stored());
        read.set(session);
    }

    @Override
    public @Nullable GuardedSession<S> findById(String id) {
        GuardedSession<S> before = read.get();
        if (before != null && before.getId().equals(id)) {
            return before;
        }
        S found = sessions.findById(id);
        if (found == null) {
            return null;
        }
        var kept = new GuardedSession<>(found, policy.get());
        read.set(kept);
        return kept;
    }

    @Override
    public void deleteById(String id) {
        read.remove();
        sessions.deleteById(id);
    }
}
