package org.opsdesk.notifications.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people when the delivery engine gives up. A delivery that fails for good (retries spent, a permanent
 * refusal, a message that could not be rendered) becomes an email to the alert mailbox ({@code
 * opsdesk.notifications.alert-mailbox}, by default the supervisors' team mailbox); a webhook endpoint disabled after
 * failing continuously becomes an email to its owner ({@code ownerEmail}, else {@code
 * opsdesk.notifications.integrations-mailbox}). Each is a delivery row of its own (audience {@code alert} or {@code
 * endpoint_owner}) inserted in the caller's transaction — the one that marks the delivery failed or disables the
 * endpoint — so the notice commits with the fact or not at all, and is then sent, retried and shown like any other.
 * Without an address the row is stored {@code skipped} with the reason, so the notice is still visible.
 *
 * <p>An alert that fails itself raises no further alert (a broken SMTP server would otherwise alert about its own
 * alerts without end): it is logged and counted. Simulated webhook events ({@code test}) alert nobody either.
 * Every delivery reaching {@code failed} counts in {@code opsdesk.notifications.failed{channel}} once its
 * transaction commits.
 */
@Component
public class DeliveryAlerts {

    public static final String ALERT = "alert";
    public static final String ENDPOINT_OWNER = "endpoint_owner";
    /** The security alert mailbox, told of a sign-in lock. */
    public static final String SECURITY = "security";

    static final String DELIVERY_FAILED = "notification.delivery_failed";
    static final String ENDPOINT_DISABLED = "webhook.endpoint_disabled";
    static final String FAILED_METRIC = "opsdesk.notifications.failed";

    private static final Logger log = LoggerFactory.getLogger(DeliveryAlerts.class);
    private static final String EMAIL = "email";

    private final DeliveryStore store;
    private final SystemMessages messages;
    private final OperationQueries operations;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String alertMailbox;
    private final String integrationsMailbox;

    DeliveryAlerts(
            DeliveryStore store,
            SystemMessages messages,
            OperationQueries operations,
            MeterRegistry meters,
            Clock clock,
            @Value("${opsdesk.notifications.alert-mailbox:${opsdesk.notifications.team-mailboxes.supervisor:}}")
                    String alertMailbox,
            @Value("${opsdesk.notifications.integrations-mailbox:}") String integrationsMailbox) {
        this.store = store;
        this.messages = messages;
        this.operations = operations;
        this.meters = meters;
        this.clock = clock;
        this.alertMailbox = alertMailbox.strip();
        this.integrationsMailbox = integrationsMailbox.strip();
        // at zero from the start, so a rate or an alert rule on the counter has a series before the first failure
        List.of(EMAIL, "sms", "push", Delivery.WEBHOOK).forEach(this::failures);
        if (this.alertMailbox.isEmpty()) {
            log.warn("No alert mailbox is configured (opsdesk.notifications.alert-mailbox, or the supervisor team"
                    + " mailbox): deliveries that fail for good will be recorded, but nobody is emailed");
        }
    }

    /**
     * The operation a delivery is about, for the alert's text; null when it has none or it cannot be read. Called
     * before the transaction that marks the delivery failed: a lookup that fails must not roll that back.
     */
    @Nullable
    OperationSnapshot operationOf(UUID deliveryId) {
        var operationId = store.find(deliveryId).map(Delivery::operationId).orElse(null);
        if (operationId == null) {
            return null;
        }
        try {
            return operations.get(operationId, Actor.system("delivery-alerts"));
        } catch (NotFound gone) {
            return null;
        }
    }

    /** In the transaction that has just marked the delivery {@code failed}: counts it and alerts the operators. */
    void deliveryFailed(UUID deliveryId, @Nullable OperationSnapshot operation) {
        var failed = store.find(deliveryId).orElseThrow(() -> new IllegalStateException("no delivery " + deliveryId));
        countAfterCommit(failed.channel());
        if (ALERT.equals(failed.audience()) || failed.test()) {
            log.warn(
                    "{} {} to {} failed for good: {} (no alert is raised for {})",
                    failed.test() ? "simulated delivery" : "alert",
                    failed.id(),
                    failed.recipient(),
                    failed.lastError(),
                    failed.test() ? "simulated events" : "an alert");
            return;
        }
        log.warn(
                "delivery {} to {} {} failed for good: {}",
                failed.id(),
                failed.channel(),
                failed.recipient(),
                failed.lastError());
        // one alert per failure: a resend that fails again is a new failure with more attempts
        UUID eventId = derivedId("delivery-failed/" + failed.id() + "/" + failed.attempts());
        store(
                eventId,
                DELIVERY_FAILED,
                failed.operationId(),
                failed.operationType(),
                ALERT,
                alertMailbox,
                "alert-mailbox",
                "no alert mailbox is configured (opsdesk.notifications.alert-mailbox, or"
                        + " opsdesk.notifications.team-mailboxes.supervisor)",
                () -> messages.deliveryFailed(failed, operation));
    }

    /** In the transaction that has just disabled the endpoint: tells its owner. */
    public void endpointDisabled(WebhookEndpoint endpoint, Instant failingSince, @Nullable String lastError) {
        Instant now = clock.instant();
        String owner = endpoint.ownerEmail() == null ? integrationsMailbox : endpoint.ownerEmail();
        UUID eventId = derivedId("endpoint-disabled/" + endpoint.id() + "/" + failingSince);
        store(
                eventId,
                ENDPOINT_DISABLED,
                null,
                null,
                ENDPOINT_OWNER,
                owner,
                "endpoint-owner",
                "webhook endpoint " + endpoint.id() + " has no ownerEmail and no integrations mailbox is configured"
                        + " (opsdesk.notifications.integrations-mailbox)",
                () -> messages.endpointDisabled(endpoint, failingSince, lastError, now));
    }

    /**
     * In the caller's transaction: an email of Opsdesk's own about no operation (a security alert) to a mailbox,
     * stored as a delivery like the notices above — {@code skipped} as {@code nobody} with {@code nobodyReason} when
     * no address is configured, {@code failed} when the message cannot be written. The same {@code eventId} again
     * adds nothing, so a caller coalesces repeats by the id it derives.
     */
    public void mailboxNotice(
            UUID eventId,
            String eventType,
            String audience,
            String address,
            String nobody,
            String nobodyReason,
            Supplier<RenderedMessage> message) {
        store(eventId, eventType, null, null, audience, address, nobody, nobodyReason, message);
    }

    private void store(
            UUID eventId,
            String eventType,
            @Nullable UUID operationId,
            @Nullable String operationType,
            String audience,
            String address,
            String nobody,
            String nobodyReason,
            Supplier<RenderedMessage> message) {
        String recipient = address.isBlank() ? nobody : address;
        DeliveryState state = DeliveryState.PENDING;
        String reason = null;
        RenderedMessage rendered = null;
        if (address.isBlank()) {
            state = DeliveryState.SKIPPED;
            reason = nobodyReason;
            log.warn("{} {} not sent: {}", eventType, eventId, reason);
        } else {
            try {
                rendered = message.get();
            } catch (RuntimeException e) { // never let the notice undo the fact it reports
                log.warn("rendering {} {} failed", eventType, eventId, e);
                state = DeliveryState.FAILED;
                reason = "the message could not be rendered: " + e.getMessage();
            }
        }
        var delivery = new DeliveryStore.RuleDelivery(
                UUID.randomUUID(),
                eventId,
                eventType,
                operationId,
                operationType,
                EMAIL,
                recipient,
                DeliveryCreation.ruleMessageId(eventId, EMAIL, recipient),
                null,
                audience,
                rendered,
                state,
                reason,
                null,
                null);
        if (store.insert(delivery, clock.instant()) && state == DeliveryState.FAILED) {
            countAfterCommit(EMAIL);
        }
    }

    private void countAfterCommit(String channel) {
        Counter counter = failures(channel);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private Counter failures(String channel) {
        return Counter.builder(FAILED_METRIC)
                .description("Deliveries that failed for good (retries spent, refused, or not renderable)")
                .tag("channel", channel)
                .register(meters);
    }

    private static UUID derivedId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
