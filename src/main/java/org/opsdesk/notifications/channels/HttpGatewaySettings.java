package org.opsdesk.notifications.channels;

import java.time.Duration;

/**
 * Where and how a generic HTTP gateway is called.
 *
 * @param url the endpoint that receives a {@code POST}; blank when the channel is not configured
 * @param authHeader the header carrying the credentials (e.g. {@code Authorization}); blank for none
 * @param authValue its value (e.g. {@code Bearer …})
 * @param bodyTemplate the JSON body with {@code {to}}, {@code {text}} and (push) {@code {title}} placeholders
 */
public record HttpGatewaySettings(
        String url,
        String authHeader,
        String authValue,
        String bodyTemplate,
        Duration connectTimeout,
        Duration totalTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(15);

    public boolean configured() {
        return !url.isBlank();
    }
}
