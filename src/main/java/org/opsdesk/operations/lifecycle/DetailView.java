package org.opsdesk.operations.lifecycle;

import java.util.List;
import java.util.Map;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationSnapshot;

/**
 * Everything the operation page shows, as the caller may see and do it now.
 *
 * @param attributes the operation's free attributes, top level, values as text
 * @param pending four-eyes requests waiting on this operation, each with whether the caller may decide it
 * @param panels the panels other modules serve into the page, in order; each loads itself (and may be empty)
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
        List<OperationPagePanel> panels) {

    /** The panels of one column, in their order. */
    public List<OperationPagePanel> panelsIn(String placement) {
        var column = OperationPagePanel.Placement.valueOf(placement);
        return panels.stream().filter(p -> p.placement() == column).toList();
    }

    /** A pending request as the record shows it: who asked, and whether the caller is someone who may approve. */
    public record PendingApproval(ApprovalRequest request, String approvePermission, boolean canDecide, boolean mine) {}
}
