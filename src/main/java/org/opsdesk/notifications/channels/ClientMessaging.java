package org.opsdesk.notifications.channels;

import java.util.Locale;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ChannelDecision;
import org.opsdesk.clients.Clients;
import org.opsdesk.notifications.templates.RenderedMessage;

/**
 * Sends a rendered message to a client only where the directory allows it right now: the address the channel
 * needs (a verified phone for SMS) and a granted consent. Otherwise the result is {@code SKIPPED} with the
 * reason, so the delivery can be recorded as such.
 */
public class ClientMessaging {

    private final Clients clients;
    private final EmailSender email;

    ClientMessaging(Clients clients, EmailSender email) {
        this.clients = clients;
        this.email = email;
    }

    /** Emails the client the message (its subject, text and HTML). */
    public SendResult email(String subject, RenderedMessage message) {
        var client = clients.find(subject).orElse(null);
        var decision = client == null
                ? ChannelDecision.refused(Channel.EMAIL, ChannelDecision.Refusal.UNKNOWN_CLIENT)
                : client.decide(Channel.EMAIL);
        if (!decision.isAllowed()) {
            return skipped(decision);
        }
        return email.send(new EmailMessage(
                address(client.email()), String.valueOf(message.subject()), message.text(), message.html()));
    }

    static SendResult skipped(ChannelDecision decision) {
        return SendResult.skipped(decision.channel().code() + ": "
                + String.valueOf(decision.refusal()).toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    static String address(@org.jspecify.annotations.Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("the channel decision allowed a missing address");
        }
        return value;
    }
}
