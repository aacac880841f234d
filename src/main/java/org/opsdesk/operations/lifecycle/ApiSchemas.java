package org.opsdesk.operations.lifecycle;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AvailableMove;

/**
 * The shapes of the answers {@link OperationApi} builds as maps, named for the API
 * description only: nothing is serialised through them.
 */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of operations; {@code nextCursor} is absent (null) on the last page. */
    record OperationPage(List<OperationResponse> items, @Nullable String nextCursor) {}

    /**
     * @param byType type → canonical status → count; a status without operations is absent
     * @param byStatus canonical status → count over the types the caller may view
     */
    record OperationCountsBody(Map<String, Map<String, Long>> byType, Map<String, Long> byStatus, long total) {}

    /** The moves the caller may take from the operation's current stage. */
    record AvailableMoves(List<AvailableMove> items) {}

    /** The operation's history, oldest first. */
    record History(List<HistoryResponse> items) {}
}
