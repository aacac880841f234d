package org.opsdesk.access.keys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link ApiKeyApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of API keys, newest first; {@code nextCursor} is absent (null) on the last page. */
    record KeyPage(List<ApiKeyApi.KeyResponse> items, @Nullable String nextCursor) {}

    /** A new key with its secret, which no later answer shows again. */
    record CreatedKey(
            UUID id,
            String name,
            String secret,
            List<String> permissions,
            @Nullable Instant expiresAt,
            Instant createdAt,
            String createdBy,
            @Nullable Integer rateLimitPerSecond,
            String state) {}
}
