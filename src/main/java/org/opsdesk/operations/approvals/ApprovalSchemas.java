package org.opsdesk.operations.approvals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shape of the answer {@link ApprovalApi#list} builds as a map, named for the API description only. */
final class ApprovalSchemas {

    private ApprovalSchemas() {}

    /** A keyset page of approval requests; {@code nextCursor} is absent (null) on the last page. */
    record ApprovalPage(List<ApprovalResponse> items, @Nullable String nextCursor) {}
}
