package org.opsdesk.operations.approvals;

import java.time.Instant;
import org.opsdesk.operations.OperationSnapshot;

/**
 * One stay of an operation in a stage: the stage and when it entered it. An approval request stands for the stay
 * it was asked in; leaving the stage, even to come back, starts another stay.
 */
public record StageStay(String stage, Instant enteredAt) {

    public static StageStay of(OperationSnapshot operation) {
        return new StageStay(operation.stage(), operation.stageEnteredAt());
    }
}
