package org.opsdesk.notifications.delivery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link NotificationApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of deliveries, newest first; {@code nextCursor} is absent (null) on the last page. */
    record DeliveryPage(List<Delivery> items, @Nullable String nextCursor) {}

    /** One delivery with every attempt to send it, oldest first. */
    record DeliveryWithAttempts(Delivery notification, List<Attempt> attempts) {}
}
