package org.opsdesk.access.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link SecurityAuditApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of the security log, newest first; {@code nextCursor} is absent (null) on the last page. */
    record SecurityEventPage(List<SecurityEventQuery.SecurityEvent> items, @Nullable String nextCursor) {}
}
