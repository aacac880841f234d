package org.opsdesk.notifications.rules;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.workflow.Status;

/**
 * A validated rule: for which operation types and changes, which audience gets which channel and template. Its
 * trigger is exactly one of: a stage entered, a status entered, any status change ({@code anyChange}, the three on
 * {@link StatusChanged}), or a change of one of the listed attributes ({@link AttributesChanged}).
 *
 * @param types the operation types it applies to; empty means every type
 * @param stage the stage entered, when the rule is about one stage
 * @param status the status entered, when the rule is about a canonical status
 * @param attributes the top-level attribute keys, when the rule is about an attribute edit (any of them changing
 *     matches); empty for the status-change triggers
 * @param role the role whose team mailbox is notified ({@link Audience#TEAM} only)
 * @param template the message template ({@code exchange_order/completed}); null for webhooks
 * @param location the file the rule came from, for messages
 */
public record NotificationRule(
        String id,
        Set<String> types,
        @Nullable String stage,
        @Nullable Status status,
        Set<String> attributes,
        Audience audience,
        NotificationChannel channel,
        @Nullable String role,
        @Nullable String template,
        DeliveryMode mode,
        String location) {

    public NotificationRule {
        types = Set.copyOf(types);
        attributes = Set.copyOf(attributes);
    }

    /** Whether this rule is about attribute edits rather than status changes. */
    public boolean onAttributes() {
        return !attributes.isEmpty();
    }

    /** Whether this rule applies to the change. */
    public boolean matches(OperationEvent event) {
        if (!types.isEmpty() && !types.contains(event.operation().type())) {
            return false;
        }
        if (event instanceof AttributesChanged edit) {
            return edit.changed().stream().anyMatch(attributes::contains);
        }
        StatusChanged change = (StatusChanged) event;
        if (onAttributes()) {
            return false;
        }
        if (stage != null) {
            return stage.equals(change.toStage());
        }
        if (status != null) {
            return status == change.toStatus();
        }
        return true; // anyChange: every status change, never an attribute edit
    }

    /** When the rule applies, in words: for refusals and the workflow page. */
    public String trigger() {
        if (stage != null) {
            return "when an operation enters stage '" + stage + "'";
        }
        if (status != null) {
            return "when an operation enters a " + status + " stage";
        }
        if (onAttributes()) {
            return "when an operation's "
                    + String.join(", ", attributes.stream().sorted().toList()) + " changes";
        }
        return "on any change of stage";
    }
}
