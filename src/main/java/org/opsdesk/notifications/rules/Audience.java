package org.opsdesk.notifications.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who a rule notifies. */
public enum Audience {
    /** The client the operation concerns (its {@code subject}), on their contact data and consent. */
    CLIENT,
    /** The operator the operation is assigned to. */
    ASSIGNEE,
    /** A role's team mailbox ({@code opsdesk.notifications.team-mailboxes.<role>}). */
    TEAM,
    /** The webhook endpoints subscribed to the event type; the delivery engine expands this to endpoints. */
    WEBHOOKS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Audience> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }
}
