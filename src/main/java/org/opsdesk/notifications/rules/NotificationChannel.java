package org.opsdesk.notifications.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a notification travels. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    PUSH,
    WEBHOOK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationChannel> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
