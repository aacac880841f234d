package org.opsdesk.notifications.rules;

import org.jspecify.annotations.Nullable;

/**
 * One notification a change calls for: what the delivery engine is to send (or to offer, for manual rules).
 *
 * @param recipient the resolved address where the rule alone determines it: the team mailbox for {@link
 *     Audience#TEAM}, the assignee's username for {@link Audience#ASSIGNEE}, the client's subject for {@link
 *     Audience#CLIENT}; null for webhooks, and for a team whose mailbox is not configured
 * @param unresolved why {@code recipient} is missing when it must be there (a team without a configured mailbox, an
 *     unassigned operation), so the delivery can be recorded as skipped with that reason
 */
public record NotificationPlan(NotificationRule rule, @Nullable String recipient, @Nullable String unresolved) {

    public Audience audience() {
        return rule.audience();
    }

    public NotificationChannel channel() {
        return rule.channel();
    }

    public DeliveryMode mode() {
        return rule.mode();
    }

    public @Nullable String template() {
        return rule.template();
    }

    /**
     * The recipient a delivery records: the resolved one, or — when there is none — who was meant
     * ({@code team:<role>}, {@code assignee}), so a delivery recorded as skipped still says whom it was for.
     */
    public String recipientOrPlaceholder() {
        if (recipient != null) {
            return recipient;
        }
        return rule.audience() == Audience.TEAM
                ? "team:" + rule.role()
                : rule.audience().code();
    }

    /**
     * Why this notification cannot go out at all, whatever the recipient's own data says: nobody to send to (see
     * {@code unresolved}). Null when there is a recipient; whether that client or operator can be reached on the
     * channel is the senders' question.
     */
    public @Nullable String unsendable() {
        if (recipient == null) {
            return unresolved == null ? "no recipient" : unresolved;
        }
        return null;
    }
}
