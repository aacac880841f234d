package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/**
 * The portal's sessions write their last access at most once a minute, and still end after their idle timeout;
 * a session read once in a request is not read again.
 */
class ThrottledSessionsTests {

    static final Duration IDLE = Duration.ofMinutes(30);

    /** A map-backed store that counts what reaches it. */
    static final class CountingStore extends MapSessionRepository {
        final List<Instant> savedAccesses = new ArrayList<>();
        int reads;

        CountingStore() {
            super(new ConcurrentHashMap<>());
            setDefaultMaxInactiveInterval(IDLE);
        }

        @Override
        public void save(MapSession session) {
            savedAccesses.add(session.getLastAccessedTime());
            super.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            return super.findById(id);
        }
    }

    final CountingStore store = new CountingStore();
    final ThrottledSessions<MapSession> sessions = new ThrottledSessions<>(store);

    @AfterEach
    void endRequest() throws Exception {
        sessions.forEachRequest((request, response, chain) -> {}).doFilter(null, null, null);
    }

    private String storedAt(Instant lastAccess) {
        var created = sessions.createSession();
        created.setAttribute("opsdesk.portal.client", "someone");
        var stored = new MapSession(created.getId());
        stored.setAttribute("opsdesk.portal.client", "someone");
        stored.setMaxInactiveInterval(IDLE);
        stored.setCreationTime(lastAccess);
        stored.setLastAccessedTime(lastAccess);
        store.save(stored);
        store.savedAccesses.clear();
        return stored.getId();
    }

    private void request(String id, Instant at) throws Exception {
        sessions.forEachRequest((request, response, chain) -> {
                    var session = sessions.findById(id);
                    assertThat(session)
                            .as("the session is still valid at " + at)
                            .isNotNull();
                    session.setLastAccessedTime(at);
                    sessions.save(session);
                })
                .doFilter(null, null, null);
    }

    @Test
    void aRequestWithinTheMinuteMovesNothing() throws Exception {
        Instant start = Instant.now().minusSeconds(50);
        String id = storedAt(start);

        request(id, start.plusSeconds(59));

        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(start);
    }

    @Test
    void aRequestAMinuteOrMoreLaterMovesTheLastAccess() throws Exception {
        Instant start = Instant.now().minusSeconds(90);
        String id = storedAt(start);

        request(id, start.plusSeconds(60));

        assertThat(store.savedAccesses).containsExactly(start.plusSeconds(60));
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void theSessionEndsWithinTheMinuteBeforeItsIdleTimeoutAfterTheLastRequest() throws Exception {
        Instant start = Instant.now().minusSeconds(55);
        String id = storedAt(start);
        request(id, start.plusSeconds(20));
        Instant last = start.plusSeconds(50);
        request(id, last);

        Instant ends = store.findById(id).getLastAccessedTime().plus(IDLE);
        assertThat(ends)
                .isAfter(last.plus(IDLE).minus(ThrottledSessions.WRITE_EVERY))
                .isBefore(last.plus(IDLE));
    }

    @Test
    void aSessionPastItsIdleTimeoutIsGone() throws Exception {
        // its last access written just over the idle timeout ago; requests since (none) cannot have revived it
        String id = storedAt(Instant.now().minus(IDLE).minusSeconds(1));
        sessions.forEachRequest((request, response, chain) ->
                        assertThat(sessions.findById(id)).isNull())
                .doFilter(null, null, null);
    }

    @Test
    void aSessionReadInARequestIsNotReadAgainInIt() throws Exception {
        String id = storedAt(Instant.now());
        sessions.forEachRequest((request, response, chain) -> {
                    var first = sessions.findById(id);
                    sessions.save(first);
                    assertThat(sessions.findById(id)).isSameAs(first);
                })
                .doFilter(null, null, null);
        assertThat(store.reads).isEqualTo(1);

        sessions.findById(id); // the next request reads it afresh
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aDeletedSessionIsNotServedFromTheRequest() throws Exception {
        String id = storedAt(Instant.now());
        sessions.forEachRequest((request, response, chain) -> {
                    sessions.findById(id);
                    sessions.deleteById(id);
                    assertThat(sessions.findById(id)).isNull();
                })
                .doFilter(null, null, null);
    }

    @Test
    void aSessionReadByOneStoreIsNotServedByAnother() throws Exception {
        String id = storedAt(Instant.now());
        var otherStore = new ThrottledSessions<>(new CountingStore());
        sessions.forEachRequest((request, response, chain) -> otherStore
                        .forEachRequest((inner, out, next) -> {
                            assertThat(sessions.findById(id)).isNotNull();
                            assertThat(otherStore.findById(id))
                                    .as("the other store never held it")
                                    .isNull();
                        })
                        .doFilter(request, response, chain))
                .doFilter(null, null, null);
    }
}
