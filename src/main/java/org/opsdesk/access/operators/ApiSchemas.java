package org.opsdesk.access.operators;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes of the answers {@link OperatorApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** A keyset page of operators by username; {@code nextCursor} is absent (null) on the last page. */
    record OperatorPage(List<OperatorApi.OperatorResponse> items, @Nullable String nextCursor) {}

    /** The operator after a password reset; {@code temporaryPassword} only when one was generated. */
    record PasswordResetBody(OperatorApi.OperatorResponse operator, @Nullable String temporaryPassword) {}
}
