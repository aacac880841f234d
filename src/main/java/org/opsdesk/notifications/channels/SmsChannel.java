package org.opsdesk.notifications.channels;

import org.opsdesk.notifications.rules.NotificationChannel;
import org.springframework.stereotype.Component;

/** Texts a stored message to a client: a verified phone and consent, looked up now. */
@Component
class SmsChannel extends ClientChannel {

    SmsChannel(ClientMessaging clients) {
        super(NotificationChannel.SMS, clients::sms);
    }
}
