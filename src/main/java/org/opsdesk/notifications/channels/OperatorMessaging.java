package org.opsdesk.notifications.channels;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.OperatorContact;
import org.opsdesk.access.OperatorDirectory;
import org.opsdesk.notifications.templates.RenderedMessage;

/**
 * Emails an operator — an operation's assignee — only while the operator directory says they can be written to:
 * known, not deleted, enabled, with an email address. Otherwise the result is {@code SKIPPED} with the reason.
 */
public class OperatorMessaging {

    private final OperatorDirectory operators;
    private final EmailSender email;

    OperatorMessaging(OperatorDirectory operators, EmailSender email) {
        this.operators = operators;
        this.email = email;
    }

    /** The operator's contact, or why they cannot be emailed now. */
    public Reach reach(String username) {
        var contact = operators.contact(username).orElse(null);
        return new Reach(contact, unreachable(username, contact));
    }

    /** Emails the operator the message, looking their address up now. */
    public SendResult email(String username, RenderedMessage message) {
        var reach = reach(username);
        return reach.reachable()
                .map(operator -> email.send(new EmailMessage(
                        String.valueOf(operator.email()),
                        String.valueOf(message.subject()),
                        message.text(),
                        message.html())))
                .orElseGet(() -> SendResult.skipped(String.valueOf(reach.unreachable())));
    }

    private static @Nullable String unreachable(String username, @Nullable OperatorContact contact) {
        if (contact == null) {
            return "email: no operator '" + username + "'";
        }
        if (contact.deleted()) {
            return "email: operator '" + username + "' was deleted";
        }
        if (!contact.enabled()) {
            return "email: operator '" + username + "' is disabled";
        }
        if (contact.email() == null || contact.email().isBlank()) {
            return "email: operator '" + username + "' has no email address";
        }
        return null;
    }

    /**
     * An operator as the directory has them now.
     *
     * @param contact null when no operator has the username
     * @param unreachable why they cannot be emailed, or null when they can
     */
    public record Reach(@Nullable OperatorContact contact, @Nullable String unreachable) {

        /** The contact of an operator who can be emailed now. */
        public Optional<OperatorContact> reachable() {
            return unreachable == null ? Optional.ofNullable(contact) : Optional.empty();
        }
    }
}
