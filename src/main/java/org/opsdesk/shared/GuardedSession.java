package org.opsdesk.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;

/**
 * A stored Spring Session passed through as it is, except that its last-access time moves only when a {@link
 * LastAccessPolicy} lets it. For session stores that decide when a request counts as activity, or how often
 * activity is worth a write: the console's (background polls do not count) and the portal's (at most one write a
 * minute). Since Spring Session writes the last access whenever it moved, a move refused here is a write spared.
 */
public final class GuardedSession<S extends Session> implements Session {

    /** Whether a request's access moves a session's last-access time. */
    @FunctionalInterface
    public interface LastAccessPolicy {

        /** Every access moves it, as in Spring Session. */
        LastAccessPolicy ALWAYS = (stored, accessed) -> true;

        /** No access moves it: the session is read but not kept alive. */
        LastAccessPolicy NEVER = (stored, accessed) -> false;

        /**
         * @param stored the session's last-access time as it stands
         * @param accessed the time Spring Session wants to write
         */
        boolean moves(Instant stored, Instant accessed);
    }

    private final S session;
    private final LastAccessPolicy policy;

    public GuardedSession(S session, LastAccessPolicy policy) {
        this.session = session;
        this.policy = policy;
    }

    /** The session underneath, which is the one the store saves. */
    public S stored() {
        return session;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        if (policy.moves(session.getLastAccessedTime(), lastAccessedTime)) {
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
