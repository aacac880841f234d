package org.opsdesk.clients;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.directory.ClientEnrolment;
import org.opsdesk.clients.directory.ClientStore;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules ask the client directory: a subject's contact data, and whether a channel may be used. */
@Service
public class Clients {

    private final ClientStore store;
    private final ClientEnrolment enrolment;

    Clients(ClientStore store, ClientEnrolment enrolment) {
        this.store = store;
        this.enrolment = enrolment;
    }

    /**
     * Records a client enrolled by another module (the portal's registration): their contact data, language and
     * the consent per channel they gave (with the time and the form they gave it on), appended to the consent
     * history. Creates the client, or updates one already known under this subject.
     *
     * @param locale a language tag of the console's languages ({@code en}, {@code pt-BR}, {@code nl}, {@code pl})
     */
    @Transactional
    public ClientContact enrol(
            String subject,
            String name,
            @Nullable String email,
            @Nullable String phone,
            boolean phoneVerified,
            String locale,
            Map<Channel, Consent> consents,
            Actor actor) {
        return enrolment.record(subject, name, email, phone, phoneVerified, locale, consents, actor);
    }

    /** The client with this subject, with their current consents; empty when the directory does not know them. */
    @Transactional(readOnly = true)
    public Optional<ClientContact> find(String subject) {
        return store.find(subject);
    }

    /** Whether the client may be reached on the channel now; refused with {@code UNKNOWN_CLIENT} if not known. */
    @Transactional(readOnly = true)
    public ChannelDecision decide(String subject, Channel channel) {
        return find(subject)
                .map(client -> client.decide(channel))
                .orElseGet(() -> ChannelDecision.refused(channel, ChannelDecision.Refusal.UNKNOWN_CLIENT));
    }
}
