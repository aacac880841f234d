package org.opsdesk.notifications.delivery;

import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.rules.NotificationChannel;

/**
 * One way a stored message travels. The delivery worker hands each claimed delivery to the bean serving its
 * channel, so adding a channel is one implementation and its settings. An implementation never throws for a
 * refusal (it answers it) and never retries: the worker decides from the result.
 */
interface MessageChannel {

    /** The channel this sends over. */
    NotificationChannel channel();

    /** One attempt at the delivery, started only while the claim's lease leaves time for it. */
    SendResult send(Outgoing outgoing);
}
