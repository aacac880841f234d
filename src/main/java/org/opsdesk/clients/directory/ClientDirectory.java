package org.opsdesk.clients.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ClientContact;
import org.opsdesk.clients.Consent;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the directory in step with what integrators send: creates or replaces a client, appends each consent
 * that changed to the history, and counts a version per change so that If-Match can catch lost updates.
 */
@Service
class ClientDirectory {

    /** The client after an upsert, and whether it was created by it. */
    record Upserted(StoredClient client, boolean created) {}

    private final ClientStore store;
    private final Clock clock;

    ClientDirectory(ClientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Upserted upsert(ClientDraft draft, ClientPrecondition precondition, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var consents = consentsAsOf(draft.consents(), now);
        var current = store.lock(draft.subject());
        if (current.isEmpty()) {
            if (precondition.required()) {
                throw StaleClientVersion.absent(draft.subject());
            }
            if (store.insert(draft, now, actor.principalKey())) {
                consents.values().forEach(c -> store.appendConsent(draft.subject(), c, now, actor.principalKey()));
                return new Upserted(store.stored(draft.subject()).orElseThrow(), true);
            }
            // Another request created it meanwhile; the insert waited for its commit, so the lock now finds it.
            current = store.lock(draft.subject());
        }
        StoredClient existing = current.orElseThrow();
        ClientContact before = existing.contact();
        if (precondition.version() != null && precondition.version() != before.version()) {
            throw StaleClientVersion.of(precondition.version(), before.version());
        }
        var changedConsents = consents.values().stream()
                .filter(c -> !unchanged(
                        before.consents().get(c.channel()), c, draft.consents().get(c.channel())))
                .toList();
        if (changedConsents.isEmpty() && sameDetails(before, draft)) {
            return new Upserted(existing, false); // a sync that changes nothing leaves no trace and keeps the ETag
        }
        store.update(draft, before.version() + 1, now, actor.principalKey());
        changedConsents.forEach(c -> store.appendConsent(draft.subject(), c, now, actor.principalKey()));
        return new Upserted(store.stored(draft.subject()).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    public StoredClient get(String subject) {
        return store.stored(subject).orElseThrow(() -> new NotFound("client", subject));
    }

    @Transactional(readOnly = true)
    public List<ConsentRecord> consentHistory(String subject) {
        get(subject);
        return store.consentHistory(subject);
    }

    @Transactional(readOnly = true)
    public List<StoredClient> page(@Nullable String after, int limit) {
        return store.page(after, limit);
    }

    /** The consents as they will be recorded: "now" filled in, and none dated in the future. */
    private static Map<Channel, Consent> consentsAsOf(Map<Channel, ClientDraft.Statement> statements, Instant now) {
        var consents = new java.util.EnumMap<Channel, Consent>(Channel.class);
        var errors = new ArrayList<FieldError>();
        statements.forEach((channel, statement) -> {
            Instant at = statement.at() == null ? now : statement.at().truncatedTo(ChronoUnit.MICROS);
            if (at.isAfter(now)) {
                errors.add(new FieldError(
                        "consents." + channel.code() + ".at", "must not be in the future (it is now " + now + ")"));
            }
            consents.put(channel, new Consent(channel, statement.granted(), at, statement.source()));
        });
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return consents;
    }

    /**
     * A statement repeats the current consent when it grants or withdraws the same from the same source, and
     * either gives no time (an integrator re-sending its state) or the same time.
     */
    private static boolean unchanged(@Nullable Consent current, Consent next, ClientDraft.Statement statement) {
        return current != null
                && current.granted() == next.granted()
                && current.source().equals(next.source())
                && (statement.at() == null || current.at().equals(next.at()));
    }

    private static boolean sameDetails(ClientContact before, ClientDraft draft) {
        return before.name().equals(draft.name())
                && Objects.equals(before.email(), draft.email())
                && Objects.equals(before.phone(), draft.phone())
                && before.phoneVerified() == draft.phoneVerified()
                && before.locale().equals(draft.locale())
                && Objects.equals(before.pushToken(), draft.pushToken());
    }
}
