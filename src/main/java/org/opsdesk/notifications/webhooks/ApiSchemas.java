package org.opsdesk.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link WebhookApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of endpoints, newest first; {@code nextCursor} is absent (null) on the last page. */
    record EndpointPage(List<WebhookEndpoint> items, @Nullable String nextCursor) {}

    /**
     * An endpoint with its signing secret, shown in the create and rotate answers only.
     *
     * @param previousSecretExpiresAt until then deliveries are also signed with the secret before the rotation
     */
    record EndpointWithSecret(
            UUID id,
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            boolean enabled,
            String secret,
            @Nullable Instant previousSecretExpiresAt,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {}
}
