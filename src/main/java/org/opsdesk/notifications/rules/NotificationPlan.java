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
}
