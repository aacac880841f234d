package org.opsdesk.notifications.delivery;

import org.opsdesk.notifications.channels.ClientMessaging;
import org.opsdesk.notifications.channels.EmailMessage;
import org.opsdesk.notifications.channels.EmailSender;
import org.opsdesk.notifications.channels.OperatorMessaging;
import org.opsdesk.notifications.channels.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends a stored message (rendered once, when the delivery was created) through the sender its channel and
 * audience call for: to a client only through {@link ClientMessaging}, and to an assignee only through {@link
 * OperatorMessaging} — both look the address (and the client's consent, the operator's status) up now and answer
 * skipped with the reason when it is missing; to a mailbox (a team's, the alert mailbox, an endpoint's owner)
 * straight by email.
 */
@Component
class MessageSender {

    private final ClientMessaging clients;
    private final OperatorMessaging operators;
    private final EmailSender email;

    MessageSender(ClientMessaging clients, OperatorMessaging operators, EmailSender email) {
        this.clients = clients;
        this.operators = operators;
        this.email = email;
    }

    SendResult send(DeliveryStore.Claimed claimed) {
        var message = claimed.message();
        String audience = String.valueOf(claimed.audience());
        long started = System.nanoTime();
        SendResult result;
        switch (claimed.channel() + "/" + audience) {
            case "email/client" -> result = clients.email(claimed.recipient(), message);
            case "sms/client" -> result = clients.sms(claimed.recipient(), message);
            case "push/client" -> result = clients.push(claimed.recipient(), message);
            case "email/assignee" -> result = operators.email(claimed.recipient(), message);
            case "email/team", "email/" + DeliveryAlerts.ALERT, "email/" + DeliveryAlerts.ENDPOINT_OWNER ->
                result = email.send(new EmailMessage(
                        claimed.recipient(), String.valueOf(message.subject()), message.text(), message.html()));
            default -> {
                return SendResult.permanentFailure("no sender for channel " + claimed.channel() + " to " + audience);
            }
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        String detail = result.detail();
        if (detail != null && detail.length() > 1000) {
            detail = detail.substring(0, 1000);
        }
        // the provider's id of what was sent (the SMTP Message-ID, the gateway's answer) kept as the response
        String response = result.outcome() == SendResult.Outcome.SENT ? detail : null;
        return new SendResult(result.outcome(), detail, null, latencyMs, response, null);
    }
}
