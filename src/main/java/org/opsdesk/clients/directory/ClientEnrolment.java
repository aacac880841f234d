package org.opsdesk.clients.directory;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ClientContact;
import org.opsdesk.clients.Consent;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * Records a client another module enrolled (the portal's registration) the way an integrator's {@code PUT} would:
 * created or replaced, each consent appended to the history with the time the client gave it.
 */
@Component
public class ClientEnrolment {

    private final ClientDirectory directory;

    ClientEnrolment(ClientDirectory directory) {
        this.directory = directory;
    }

    /** Creates or updates the client; returns them as the directory now knows them. */
    public ClientContact record(
            String subject,
            String name,
            @Nullable String email,
            @Nullable String phone,
            boolean phoneVerified,
            String locale,
            Map<Channel, Consent> consents,
            Actor actor) {
        var statements = new EnumMap<Channel, ClientDraft.Statement>(Channel.class);
        consents.forEach((channel, consent) ->
                statements.put(channel, new ClientDraft.Statement(consent.granted(), consent.at(), consent.source())));
        var draft = new ClientDraft(subject, name, email, phone, phoneVerified, locale, null, statements);
        return directory
                .upsert(draft, new ClientPrecondition(false, null), actor)
                .client()
                .contact();
    }
}
