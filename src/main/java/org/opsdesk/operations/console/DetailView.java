package org.opsdesk.operations.console;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.OperationNotifications;
import org.opsdesk.operations.OperationSnapshot;

/**
 * Everything the operation page shows, as the caller may see and do it now.
 *
 * @param attributes the operation's free attributes, top level, values as text
 * @param pending four-eyes requests waiting on this operation, each with whether the caller may decide it
 * @param offers the manual notifications offered now; null when the caller may not send them or none are wired
 */
public record DetailView(
        OperationSnapshot operation,
        Map<String, String> attributes,
        List<MoveButton> moves,
        List<PendingApproval> pending,
        List<TimelineItem> timeline,
        ChainVerification chain,
        boolean canClaim,
        boolean canRelease,
        boolean canComment,
        OperationNotifications.@Nullable Offers offers) {

    /** A pending request as the record shows it: who asked, and whether the caller is someone who may approve. */
    public record PendingApproval(ApprovalRequest request, String approvePermission, boolean canDecide, boolean mine) {}
}
