package org.opsdesk.operations.lifecycle;

import java.util.List;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.HistoryEntry;

/** Recomputes an operation's chain against the head recorded on the operation row. */
public final class HistoryChainVerifier {
    private HistoryChainVerifier() {}

    public static ChainVerification verify(List<HistoryEntry> entries, Operation operation) {
        return HistoryChain.verify(entries, operation.historyHead());
    }
}
