package org.opsdesk.operations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the approvals queue, newest first; {@code nextCursor} is null on the last page. */
public record ApprovalPage(List<ApprovalRequest> items, @Nullable String nextCursor) {}
