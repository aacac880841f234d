package org.opsdesk.notifications.channels;

import java.util.Map;

/** An SMS provider reached by a JSON {@code POST} ({@code opsdesk.notifications.sms.*}). */
public final class HttpSmsGateway implements SmsGateway {

    private final HttpJsonGateway http;

    public HttpSmsGateway(HttpGatewaySettings settings) {
        this.http = new HttpJsonGateway("sms", settings);
    }

    @Override
    public SendResult send(String phone, String text) {
        return http.post(Map.of("to", phone, "text", text));
    }
}
