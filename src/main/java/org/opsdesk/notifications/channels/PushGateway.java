package org.opsdesk.notifications.channels;

/** Sends a push notification through the client app's backend. A port: {@link HttpPushGateway} is shipped. */
public interface PushGateway {

    /** @param token the device or user token the app backend knows the client by */
    SendResult send(String token, String title, String text);
}
