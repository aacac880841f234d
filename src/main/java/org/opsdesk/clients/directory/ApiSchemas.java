package org.opsdesk.clients.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link ClientApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of clients by subject; {@code nextCursor} is absent (null) on the last page. */
    record ClientPage(List<ClientApi.ClientResponse> items, @Nullable String nextCursor) {}

    /** Every consent statement recorded for the client, oldest first. */
    record ConsentHistory(List<ClientApi.ConsentEntry> items) {}
}
