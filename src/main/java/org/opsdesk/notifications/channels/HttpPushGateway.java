package org.opsdesk.notifications.channels;

import java.util.Map;

/** The client app's backend reached by a JSON {@code POST} ({@code opsdesk.notifications.push.*}). */
public final class HttpPushGateway implements PushGateway {

    private final HttpJsonGateway http;

    public HttpPushGateway(HttpGatewaySettings settings) {
        this.http = new HttpJsonGateway("push", settings);
    }

    @Override
    public SendResult send(String token, String title, String text) {
        return http.post(Map.of("to", token, "title", title, "text", text));
    }
}
