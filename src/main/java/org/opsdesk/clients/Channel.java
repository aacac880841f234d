package org.opsdesk.clients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A way of reaching a client, each with its own consent. */
public enum Channel {
    EMAIL,
    SMS,
    PUSH;

    /** The name used in JSON and in the database: {@code email}, {@code sms}, {@code push}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
