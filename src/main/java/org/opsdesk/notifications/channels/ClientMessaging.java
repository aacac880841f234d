package org.opsdesk.notifications.channels;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ChannelDecision;
import org.opsdesk.clients.ClientContact;
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
    private final SmsGateway sms;
    private final PushGateway push;

    ClientMessaging(Clients clients, EmailSender email, SmsGateway sms, PushGateway push) {
        this.clients = clients;
        this.email = email;
        this.sms = sms;
        this.push = push;
    }

    /** Emails the client the message (its subject, text and HTML). */
    public SendResult email(String subject, RenderedMessage message) {
        var client = clients.find(subject).orElse(null);
        var decision = decide(client, Channel.EMAIL);
        if (client == null || !decision.isAllowed()) {
            return skipped(decision);
        }
        return email.send(new EmailMessage(
                address(client.email()), String.valueOf(message.subject()), message.text(), message.html()));
    }

    /** Texts the client the message's plain text, on a verified phone with consent only. */
    public SendResult sms(String subject, RenderedMessage message) {
        var client = clients.find(subject).orElse(null);
        var decision = decide(client, Channel.SMS);
        if (client == null || !decision.isAllowed()) {
            return skipped(decision);
        }
        return sms.send(address(client.phone()), message.text().strip());
    }

    /** Pushes the message (subject as title, plain text as body) to the client's app. */
    public SendResult push(String subject, RenderedMessage message) {
        var client = clients.find(subject).orElse(null);
        var decision = decide(client, Channel.PUSH);
        if (client == null || !decision.isAllowed()) {
            return skipped(decision);
        }
        return push.send(
                address(client.pushToken()),
                String.valueOf(message.subject()),
                message.text().strip());
    }

    /**
     * Why the client cannot be reached on the channel right now, in the words a skipped delivery records
     * ({@code email: no consent}); empty when they can. For offering a message before sending it.
     */
    public Optional<String> refusal(String subject, Channel channel) {
        var decision = decide(clients.find(subject).orElse(null), channel);
        return decision.isAllowed() ? Optional.empty() : Optional.of(reason(decision));
    }

    private static ChannelDecision decide(@Nullable ClientContact client, Channel channel) {
        return client == null
                ? ChannelDecision.refused(channel, ChannelDecision.Refusal.UNKNOWN_CLIENT)
                : client.decide(channel);
    }

    static SendResult skipped(ChannelDecision decision) {
        return SendResult.skipped(reason(decision));
    }

    private static String reason(ChannelDecision decision) {
        return decision.channel().code() + ": "
                + String.valueOf(decision.refusal()).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String address(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("the channel decision allowed a missing address");
        }
        return value;
    }
}
