package org.opsdesk.notifications.channels;

import org.opsdesk.notifications.delivery.DeliveryAlerts;
import org.opsdesk.notifications.delivery.MessageChannel;
import org.opsdesk.notifications.delivery.Outgoing;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.springframework.stereotype.Component;

/**
 * Emails a stored message (rendered once, when the delivery was created): to a client only through {@link
 * ClientMessaging}, to an assignee only through {@link OperatorMessaging} — both look the address (and the
 * client's consent, the operator's status) up now and answer skipped with the reason when it is missing; to a
 * mailbox (a team's, the alert mailbox, an endpoint's owner, the security alert mailbox) straight.
 */
@Component
class EmailChannel implements MessageChannel {

    private final ClientMessaging clients;
    private final OperatorMessaging operators;
    private final EmailSender email;

    EmailChannel(ClientMessaging clients, OperatorMessaging operators, EmailSender email) {
        this.clients = clients;
        this.operators = operators;
        this.email = email;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public SendResult send(Outgoing outgoing) {
        var claimed = outgoing.delivery();
        var message = claimed.message();
        return outgoing.timed(() -> switch (String.valueOf(claimed.audience())) {
            case "client" -> clients.email(claimed.recipient(), message);
            case "assignee" -> operators.email(claimed.recipient(), message);
            case "team", DeliveryAlerts.ALERT, DeliveryAlerts.ENDPOINT_OWNER, DeliveryAlerts.SECURITY ->
                email.send(new EmailMessage(
                        claimed.recipient(), String.valueOf(message.subject()), message.text(), message.html()));
            default -> null;
        });
    }
}
