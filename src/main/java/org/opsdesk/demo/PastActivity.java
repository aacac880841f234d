package org.opsdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Transition;

/**
 * Replays one demo operation's life at the moments of its {@link LifePlan}, through the ordinary commands: created
 * by the system, claimed by a person of the desk, moved by them (system moves by the system, timer moves by the
 * timer when due), four-eyes moves approved by other people. Each action runs with the {@link DemoClock} set to its
 * moment on this thread, so the history and the operation rows carry the past times, chained and checked exactly
 * like today's. The caller runs one operation's whole life in one transaction: the real timer worker, which reads
 * the real time, never sees an operation of the past waiting in a stage whose timer is due by now.
 */
final class PastActivity {

    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Approvals approvals;
    private final DemoClock clock;

    PastActivity(OperationCommands commands, OperationQueries queries, Approvals approvals, DemoClock clock) {
        this.commands = commands;
        this.queries = queries;
        this.approvals = approvals;
        this.clock = clock;
    }

    void replay(NewOperation operation, List<Transition> path, LifePlan plan, Random random) {
        OperationSnapshot current = clock.at(plan.created(), () -> commands.create(operation, DemoDesk.SYSTEM));
        UUID id = current.id();
        @Nullable Actor assignee = null;
        for (int i = 0; i < path.size(); i++) {
            Transition step = path.get(i);
            Instant entered = current.stageEnteredAt();
            Duration stay = plan.stays().get(i);
            switch (step.trigger()) {
                case TIMER ->
                    current = clock.at(entered.plus(stay), () -> {
                        commands.fireTimer(id);
                        return current(id);
                    });
                case SYSTEM -> current = move(id, step, DemoDesk.SYSTEM, entered.plus(stay));
                case MANUAL -> {
                    if (assignee == null) {
                        assignee = DemoDesk.workerFor(operation.type(), random);
                        claim(id, assignee, entered.plus(stay.dividedBy(4)));
                    }
                    var moved = manualMove(id, step, assignee, entered, stay);
                    if (moved == null) {
                        return; // its four-eyes request is still waiting for a checker
                    }
                    current = moved;
                }
            }
        }
    }

    private void claim(UUID id, Actor worker, Instant at) {
        clock.at(at, () -> commands.claim(id, null, worker));
    }

    /** The maker moves; a four-eyes move waits for the checkers, who approve later within the stay. */
    private @Nullable OperationSnapshot manualMove(
            UUID id, Transition step, Actor maker, Instant entered, Duration stay) {
        Instant made = entered.plus(stay.multipliedBy(6).dividedBy(10));
        TransitionResult result =
                clock.at(made, () -> commands.transition(id, step.to(), reason(step), null, null, maker));
        if (result.applied()) {
            return result.operation();
        }
        ApprovalRequest request = result.approval();
        Instant at = made;
        for (Actor checker : DemoDesk.approversOf(result.operation().type())) {
            if (request == null || request.state() != ApprovalRequest.State.PENDING) {
                break;
            }
            if (checker.id().equals(request.maker().id())) {
                continue; // the maker cannot approve their own move
            }
            at = at.plus(stay.dividedBy(6));
            UUID requestId = request.id();
            request = clock.at(at, () -> approvals.approve(requestId, null, checker));
        }
        return request != null && request.state() == ApprovalRequest.State.APPROVED ? current(id) : null;
    }

    private OperationSnapshot move(UUID id, Transition step, Actor actor, Instant at) {
        return clock.at(at, () -> commands.transition(id, step.to(), reason(step), null, null, actor))
                .operation();
    }

    private OperationSnapshot current(UUID id) {
        return queries.get(id, DemoDesk.SYSTEM);
    }

    private static String reason(Transition step) {
        return "demo: " + step.from() + " -> " + step.to();
    }
}
