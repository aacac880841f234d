package org.opsdesk.operations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the list; {@code nextCursor} is null on the last page. */
public record OperationPage(List<OperationSnapshot> items, @Nullable String nextCursor) {}
