package org.opsdesk.notifications.channels;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one email over SMTP ({@code spring.mail.*}: host, port, STARTTLS or TLS, credentials, time limits) as
 * {@code multipart/alternative} with the plain-text and HTML bodies, and says whether a failure is worth a retry.
 * Does not retry itself.
 */
public class EmailSender {

    private final @Nullable JavaMailSender mail;
    private final String from;

    /** @param mail null when no SMTP server is configured: every send then fails permanently, saying so */
    public EmailSender(@Nullable JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    public SendResult send(EmailMessage message) {
        if (mail == null) {
            return SendResult.permanentFailure("no SMTP server is configured (spring.mail.host)");
        }
        MimeMessage mime;
        try {
            new InternetAddress(message.to(), true).validate();
            mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            if (message.html() != null) {
                helper.setText(message.text(), message.html());
            } else {
                helper.setText(message.text());
            }
        } catch (AddressException e) {
            return SendResult.permanentFailure("invalid address '" + message.to() + "': " + e.getMessage());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return SendResult.permanentFailure("cannot build the message: " + e.getMessage());
        }
        try {
            mail.send(mime);
            return SendResult.sent(messageId(mime));
        } catch (MailAuthenticationException e) {
            return SendResult.permanentFailure("SMTP authentication failed: " + e.getMessage());
        } catch (MailException e) {
            return classify(e);
        }
    }

    private static SendResult classify(MailException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return SendResult.permanentFailure("SMTP authentication failed: " + cause.getMessage());
            }
            if (cause instanceof SendFailedException refused
                    && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return SendResult.permanentFailure("the server refused the recipient: " + oneLine(cause));
            }
            if (cause instanceof IOException) {
                return SendResult.transientFailure("SMTP server unreachable: " + oneLine(cause));
            }
            if (cause instanceof MessagingException && cause.getMessage() != null) {
                String reply = cause.getMessage().strip();
                if (reply.matches("5\\d\\d.*")) {
                    return SendResult.permanentFailure("the server refused the message: " + oneLine(cause));
                }
                if (reply.matches("4\\d\\d.*")) {
                    return SendResult.transientFailure("the server deferred the message: " + oneLine(cause));
                }
            }
            if (cause instanceof MailSendException send
                    && !send.getFailedMessages().isEmpty()) {
                for (Exception failure : send.getFailedMessages().values()) {
                    var inner = classify(new MailSendException("send failed", failure));
                    if (inner.outcome() == SendResult.Outcome.FAILED_PERMANENT) {
                        return inner;
                    }
                }
            }
        }
        return SendResult.transientFailure("sending failed: " + oneLine(e));
    }

    private static String oneLine(Throwable e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    }

    private static @Nullable String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
