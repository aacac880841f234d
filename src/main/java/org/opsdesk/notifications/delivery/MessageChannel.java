package org.opsdesk.notifications.delivery;

import java.time.Instant;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.rules.NotificationChannel;

/**
 * One way a stored message travels. The delivery worker hands each claimed delivery to the bean serving its
 * channel, so adding a channel is one implementation (in the package of its feature) and its settings. An
 * implementation never throws for a refusal (it answers it) and never retries: the worker decides from the result.
 */
public interface MessageChannel {

    /** The channel this sends over. */
    NotificationChannel channel();

    /** One attempt at the delivery, started only while the claim's lease leaves time for it. */
    SendResult send(Outgoing outgoing);

    /**
     * Called in the transaction that records an attempt's outcome, when the claim still held: what the channel keeps
     * about its receivers (a webhook endpoint's health) commits with the outcome or not at all.
     */
    default void recorded(DeliveryStore.Claimed delivery, DeliveryStore.Outcome outcome, Instant now) {}
}
