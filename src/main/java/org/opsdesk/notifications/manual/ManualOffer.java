package org.opsdesk.notifications.manual;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manual notification the operation's current stage offers (for the change that brought it there, or for the latest
 * edit of its attributes in it), rendered exactly as it would be sent: in the
 * recipient's language, with the text the operator may edit before sending.
 *
 * @param eventId the change it is for: the status change of {@link Offers#eventId}, or an attribute edit
 * @param recipient whom the delivery is for: the client's subject (its address and consent come from
 *     {@code clients}), the team mailbox's address, the assignee's username, or who was meant when nobody can be
 *     named ({@code team:<role>}, {@code assignee})
 * @param locale the language the message is in
 * @param subject the email subject or push title; null for SMS, or when the message could not be rendered
 * @param text the plain text; null only when the message could not be rendered
 * @param html the HTML body of an email
 * @param available whether it can be sent now
 * @param unavailableReason why not: nobody to send to, the client's missing address or consent, already sent
 * @param deliveryId the delivery this change already has for the recipient on this channel, when there is one
 */
record ManualOffer(
        String ruleId,
        UUID eventId,
        String channel,
        String audience,
        String recipient,
        String locale,
        @Nullable String subject,
        @Nullable String text,
        @Nullable String html,
        boolean available,
        @Nullable String unavailableReason,
        @Nullable UUID deliveryId) {

    /**
     * Everything an operation offers now.
     *
     * @param eventId the status change the stage's offers are for: the one that brought the operation into {@code
     *     stage} (an offer for an attribute edit names its own {@link ManualOffer#eventId})
     */
    record Offers(UUID operationId, @Nullable UUID eventId, String stage, List<ManualOffer> items) {}
}
