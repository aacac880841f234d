package org.opsdesk.notifications.channels;

import org.opsdesk.notifications.rules.NotificationChannel;
import org.springframework.stereotype.Component;

/** Pushes a stored message to a client's app: a push token and consent, looked up now. */
@Component
class PushChannel extends ClientChannel {

    PushChannel(ClientMessaging clients) {
        super(NotificationChannel.PUSH, clients::push);
    }
}
