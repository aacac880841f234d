package org.opsdesk.access.signin;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends operators' console sessions in the shared session table, so they end on every node at once. (Each request
 * also checks the operator's {@code sessions_valid_after} and status, which covers sessions this misses.)
 */
@Component
public class OperatorSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OperatorSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of this operator; returns how many there were. */
    public int endAll(String username) {
        return endStartedBefore(username, null, null);
    }

    /** Ends the operator's sessions created before {@code instant} (all of them when null), except one. */
    int endStartedBefore(String username, @Nullable Instant instant, @Nullable String except) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        int ended = 0;
        for (var session : found.values()) {
            boolean older = instant == null || session.getCreationTime().isBefore(instant);
            if (older && !session.getId().equals(except)) {
                sessions.deleteById(session.getId());
                ended++;
            }
        }
        return ended;
    }
}
