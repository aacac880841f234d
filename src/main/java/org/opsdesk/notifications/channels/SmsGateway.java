package org.opsdesk.notifications.channels;

/** Sends a text message to a phone number. A port: {@link HttpSmsGateway} is the adapter shipped. */
public interface SmsGateway {

    /** @param phone in E.164 form, already verified and consented ({@link ClientMessaging} checks) */
    SendResult send(String phone, String text);
}
