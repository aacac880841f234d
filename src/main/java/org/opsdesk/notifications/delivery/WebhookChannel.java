package org.opsdesk.notifications.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Posts a stored webhook message to its endpoint, signed with the endpoint's secrets, through {@link
 * WebhookSender}. A deleted endpoint skips the delivery, and so does a disabled one (except for a test event).
 * The request gets at most the time left of the claim's lease, so it has ended before another node may claim the
 * delivery.
 */
@Component
class WebhookChannel implements MessageChannel {

    private final WebhookAdministration webhooks;
    private final WebhookSender sender;

    WebhookChannel(WebhookAdministration webhooks, WebhookSender sender) {
        this.webhooks = webhooks;
        this.sender = sender;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public SendResult send(Outgoing outgoing) {
        var claimed = outgoing.delivery();
        Optional<Target> target = outgoing.batch().read(UUID.fromString(claimed.recipient()), this::load);
        if (target.isEmpty()) {
            return SendResult.skipped("the webhook endpoint was deleted");
        }
        WebhookEndpoint endpoint = target.get().endpoint();
        if (!endpoint.enabled() && !claimed.test()) {
            return SendResult.skipped("the webhook endpoint is disabled"
                    + (endpoint.disabledReason() == null ? "" : ": " + endpoint.disabledReason()));
        }
        return outgoing.timeLeft()
                .map(left -> sender.send(
                        endpoint.url(),
                        claimed.messageId(),
                        claimed.body(),
                        target.get().secrets(),
                        left))
                .orElseGet(Outgoing::leaseRanOut);
    }

    /** An endpoint as an attempt needs it, read (and its secrets decrypted) once per batch; empty once deleted. */
    private Optional<Target> load(UUID id) {
        try {
            return Optional.of(new Target(webhooks.get(id), webhooks.signingSecrets(id)));
        } catch (NotFound deleted) {
            return Optional.empty();
        }
    }

    /** An endpoint as an attempt needs it: its URL and state, and its signing secrets, opened. */
    private record Target(WebhookEndpoint endpoint, List<String> secrets) {}
}
