package org.opsdesk.notifications.rules;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.workflow.Status;

/**
 * A validated rule: for which operation types and changes, which audience gets which channel and template.
 *
 * @param types the operation types it applies to; empty means every type
 * @param stage the stage entered, when the rule is about one stage
 * @param status the status entered, when the rule is about a canonical status
 * @param role the role whose team mailbox is notified ({@link Audience#TEAM} only)
 * @param template the message template ({@code exchange_order/completed}); null for webhooks
 * @param location the file the rule came from, for messages
 */
public record NotificationRule(
        String id,
        Set<String> types,
        @Nullable String stage,
        @Nullable Status status,
        Audience audience,
        NotificationChannel channel,
        @Nullable String role,
        @Nullable String template,
        DeliveryMode mode,
        String location) {

    public NotificationRule {
        types = Set.copyOf(types);
    }

    /** Whether this rule applies to the change. */
    public boolean matches(StatusChanged event) {
        if (!types.isEmpty() && !types.contains(event.operation().type())) {
            return false;
        }
        if (stage != null) {
            return stage.equals(event.toStage());
        }
        if (status != null) {
            return status == event.toStatus();
        }
        return true;
    }
}
