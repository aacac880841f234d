package org.opsdesk.notifications;

import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.channels.EmailMessage;
import org.opsdesk.notifications.channels.EmailSender;
import org.opsdesk.notifications.channels.SendResult;
import org.opsdesk.notifications.channels.SmsGateway;
import org.springframework.stereotype.Service;

/**
 * Sends one message at once, outside the rules and the delivery engine, for a module that must reach a person who
 * is not (yet) a client in the directory: the portal's email verification link and phone code. Through the same
 * SMTP sender and SMS gateway as every notification; no consent check (the person asked for this very message),
 * no retry (the person can ask again), nothing recorded as a delivery.
 */
@Service
public class TransactionalMessages {

    /** What happened: sent, or why not (the SMTP server or gateway's reason). */
    public record Outcome(boolean sent, @Nullable String failure) {

        static Outcome of(SendResult result) {
            return new Outcome(result.outcome() == SendResult.Outcome.SENT, result.error());
        }
    }

    private final EmailSender email;
    private final SmsGateway sms;

    TransactionalMessages(EmailSender email, SmsGateway sms) {
        this.email = email;
        this.sms = sms;
    }

    /** Emails plain text to one address. */
    public Outcome email(String to, String subject, String text) {
        return Outcome.of(email.send(new EmailMessage(to, subject, text, null)));
    }

    /** Texts a phone number in E.164 form. */
    public Outcome sms(String phone, String text) {
        return Outcome.of(sms.send(phone, text));
    }
}
