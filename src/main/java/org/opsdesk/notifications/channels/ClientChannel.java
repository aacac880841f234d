package org.opsdesk.notifications.channels;

import java.util.function.BiFunction;
import org.opsdesk.notifications.delivery.MessageChannel;
import org.opsdesk.notifications.delivery.Outgoing;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.notifications.templates.RenderedMessage;

/**
 * A channel that reaches clients only, through {@link ClientMessaging}, which looks the address and the consent up
 * now; a delivery to anyone else has no sender.
 */
abstract class ClientChannel implements MessageChannel {

    private final NotificationChannel channel;
    private final BiFunction<String, RenderedMessage, SendResult> toClient;

    ClientChannel(NotificationChannel channel, BiFunction<String, RenderedMessage, SendResult> toClient) {
        this.channel = channel;
        this.toClient = toClient;
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public SendResult send(Outgoing outgoing) {
        var claimed = outgoing.delivery();
        return outgoing.timed(() ->
                "client".equals(claimed.audience()) ? toClient.apply(claimed.recipient(), claimed.message()) : null);
    }
}
