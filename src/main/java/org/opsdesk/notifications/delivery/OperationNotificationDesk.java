package org.opsdesk.notifications.delivery;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationNotifications;
import org.opsdesk.operations.Operations;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operation page's view of notifications ({@link OperationNotifications}, a port of {@code operations}): the
 * manual offers and sending through {@link ManualNotifications}, the same as {@code
 * /api/v1/operations/{id}/notifications}; the deliveries of the operation for its timeline, to whoever may see it.
 */
@Component
class OperationNotificationDesk implements OperationNotifications {

    private final ManualNotifications manual;
    private final DeliveryStore deliveries;
    private final Operations operations;

    OperationNotificationDesk(ManualNotifications manual, DeliveryStore deliveries, Operations operations) {
        this.manual = manual;
        this.deliveries = deliveries;
        this.operations = operations;
    }

    @Override
    public Offers offers(UUID operationId, Actor actor) {
        var offers = manual.offers(operationId, actor);
        return new Offers(
                offers.eventId(),
                offers.stage(),
                offers.items().stream()
                        .map(o -> new Offer(
                                o.ruleId(),
                                o.channel(),
                                o.audience(),
                                o.recipient(),
                                o.locale(),
                                o.subject(),
                                o.text(),
                                o.available(),
                                o.unavailableReason()))
                        .toList());
    }

    @Override
    public Sent send(UUID operationId, String ruleId, @Nullable UUID offeredFor, @Nullable String text, Actor actor) {
        return sent(manual.send(operationId, ruleId, offeredFor, new MessageEdit(null, text, null), actor));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Sent> sent(UUID operationId, int limit, Actor actor) {
        operations.get(operationId, actor);
        return deliveries
                .list(null, operationId, null, null, null, null, null, limit)
                .stream() // visible: checked above
                .map(OperationNotificationDesk::sent)
                .toList();
    }

    private static Sent sent(Delivery d) {
        return new Sent(
                d.id(),
                d.channel(),
                d.recipient(),
                d.ruleId(),
                d.state(),
                d.createdAt(),
                d.sentBy() == null ? null : d.sentBy().name());
    }
}
