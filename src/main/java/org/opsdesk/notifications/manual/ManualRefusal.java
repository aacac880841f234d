package org.opsdesk.notifications.manual;

import java.util.UUID;
import org.opsdesk.notifications.rules.NotificationRule;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.ProblemException;

/** 409: the manual notification cannot be sent for the operation as it stands, and why. */
final class ManualRefusal extends ProblemException {

    private ManualRefusal(String slug, String title, String detail) {
        super(409, slug, title, detail);
    }

    /** The rule does not match the change it would be sent for (the status change, or the attribute edit). */
    static ProblemException notOffered(NotificationRule rule, OperationEvent change) {
        String applies = rule.trigger();
        String types = rule.types().isEmpty()
                ? ""
                : " of type " + String.join(", ", rule.types().stream().sorted().toList());
        return new ManualRefusal(
                        "notification-not-offered",
                        "Notification not offered",
                        "rule '" + rule.id() + "' is offered " + applies + types + "; this "
                                + change.operation().type() + " is in stage '"
                                + change.operation().stage() + "'"
                                + (change instanceof StatusChanged ? "" : " and its edit changed something else"))
                .with("ruleId", rule.id())
                .with("stage", change.operation().stage());
    }

    /** The offer the caller saw was for an earlier change: the operation has moved (or been edited again) since. */
    static ProblemException outdated(UUID offeredFor, OperationEvent change) {
        String since = change instanceof StatusChanged
                ? "the operation has moved on to stage '" + change.operation().stage() + "' since"
                : "the operation's attributes were edited again since";
        return new ManualRefusal(
                        "notification-offer-outdated",
                        "Offer outdated",
                        "the offer was for change " + offeredFor + "; " + since + ": look at its offers again")
                .with("eventId", change.eventId())
                .with("stage", change.operation().stage());
    }

    /**
     * This change already has a delivery to the recipient on the channel (one per event, channel and recipient):
     * sent by hand before, or by an automatic rule. Sending it again is a resend of that delivery.
     */
    static ProblemException alreadySent(String ruleId, UUID deliveryId) {
        return new ManualRefusal(
                        "notification-already-sent",
                        "Notification already sent",
                        "this change already has notification " + deliveryId + " to the same recipient on the same"
                                + " channel; to send it again, resend that one (POST /api/v1/notifications/"
                                + deliveryId + "/resend)")
                .with("ruleId", ruleId)
                .with("deliveryId", deliveryId);
    }

    /** Nobody to send to, or the client cannot be reached on the channel (address, verification, consent). */
    static ProblemException unavailable(String ruleId, String reason) {
        return new ManualRefusal(
                        "notification-unavailable",
                        "Notification cannot be sent",
                        "rule '" + ruleId + "' cannot be sent now: " + reason)
                .with("ruleId", ruleId)
                .with("reason", reason);
    }
}
