package org.opsdesk.clients;

import java.util.Optional;
import org.opsdesk.clients.directory.ClientStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules ask the client directory: a subject's contact data, and whether a channel may be used. */
@Service
public class Clients {

    private final ClientStore store;

    Clients(ClientStore store) {
        this.store = store;
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
