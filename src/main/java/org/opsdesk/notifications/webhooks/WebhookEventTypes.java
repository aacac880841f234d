package org.opsdesk.notifications.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/** The event types an endpoint may subscribe to; {@code *} means all of them, including types added later. */
public final class WebhookEventTypes {

    public static final String ALL = "*";
    /** An operation's status or stage changed ({@code operations.StatusChanged}). */
    public static final String OPERATION_STATUS_CHANGED = "operation.status_changed";
    /** An operation's attributes were edited, e.g. an exchange order's rate ({@code operations.AttributesChanged}). */
    public static final String OPERATION_ATTRIBUTES_CHANGED = "operation.attributes_changed";

    public static final List<String> KNOWN = List.of(ALL, OPERATION_STATUS_CHANGED, OPERATION_ATTRIBUTES_CHANGED);

    /** The event types a simulated event can be sent for (every known one but {@code *}). */
    public static final List<String> SIMULATED = List.of(OPERATION_STATUS_CHANGED, OPERATION_ATTRIBUTES_CHANGED);

    private WebhookEventTypes() {}

    /** The subscription sorted and without duplicates, or 422 naming each unknown entry. */
    static List<String> validate(String field, List<String> eventTypes) {
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < eventTypes.size(); i++) {
            if (!KNOWN.contains(eventTypes.get(i))) {
                errors.add(new FieldError(
                        field + "[" + i + "]",
                        "unknown event type '" + eventTypes.get(i) + "'; known: " + String.join(", ", KNOWN)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return List.copyOf(new TreeSet<>(eventTypes));
    }

    /** Whether a subscription covers an event type. */
    public static boolean covers(List<String> subscription, String eventType) {
        return subscription.contains(ALL) || subscription.contains(eventType);
    }
}
