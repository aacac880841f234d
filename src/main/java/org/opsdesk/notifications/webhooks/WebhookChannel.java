package org.opsdesk.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.delivery.DeliveryStore;
import org.opsdesk.notifications.delivery.MessageChannel;
import org.opsdesk.notifications.delivery.Outgoing;
import org.opsdesk.notifications.rules.NotificationChannel;
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
    private final EndpointHealth health;

    WebhookChannel(WebhookAdministration webhooks, WebhookSender sender, EndpointHealth health) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.health = health;
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

    /** A real event's outcome counts towards the endpoint's health; a simulated one's does not. */
    @Override
    public void recorded(DeliveryStore.Claimed delivery, DeliveryStore.Outcome outcome, Instant now) {
        if (!delivery.test()) {
            health.record(UUID.fromString(delivery.recipient()), outcome.state(), outcome.lastError(), now);
        }
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
