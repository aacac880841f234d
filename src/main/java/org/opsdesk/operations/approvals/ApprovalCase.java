package org.opsdesk.operations.approvals;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.approvals.ApprovalOutcome.ApprovalGiven;
import org.opsdesk.operations.approvals.ApprovalOutcome.RequestDeclined;
import org.opsdesk.operations.approvals.ApprovalOutcome.RequestVoided;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Move;

/**
 * One four-eyes approval request and the rules it lives by: four eyes are two people, so the maker's person
 * neither approves nor declines, and each person counts once whichever of their keys they use; a request stands
 * for one stay of the operation in its from-stage and becomes void once the operation moved; the approved move
 * would apply in the maker's name, so a maker out of standing when the last needed approval arrives voids it
 * too; that last approval approves it. Only a pending request is decided.
 *
 * <p>The aggregate of the approvals feature: {@link ApprovalStore} loads it under its row lock, the application
 * service asks it and persists the {@link ApprovalOutcome} it answers. No database, no Spring.
 */
public final class ApprovalCase {

    /** What the case asks about the maker, only when the last needed approval arrives. */
    @FunctionalInterface
    public interface MakerCheck {

        /** Empty while the maker may still take the move; otherwise the permission they no longer hold. */
        Optional<String> lostPermission();
    }

    private final ApprovalRequest request;
    private final StageStay stay;
    private final boolean override;
    private final String makerPerson;
    private final Set<String> voters;
    private int approvals;
    private State state;
    private @Nullable String voidReason;

    private ApprovalCase(
            ApprovalRequest request, StageStay stay, boolean override, String makerPerson, Set<String> voters) {
        this.request = request;
        this.stay = stay;
        this.override = override;
        this.makerPerson = makerPerson;
        this.voters = new HashSet<>(voters);
        this.approvals = request.approvals().size();
        this.state = request.state();
        this.voidReason = request.voidReason();
    }

    /** A new pending request: the maker asked for a move of the operation as it stands that needs approval. */
    public static ApprovalCase open(
            UUID id,
            OperationSnapshot operation,
            Move move,
            Actor maker,
            @Nullable String reason,
            @Nullable String comment,
            Instant now) {
        var request = new ApprovalRequest(
                id,
                operation.id(),
                operation.type(),
                operation.stage(),
                move.transition().to(),
                operation.amount(),
                reason,
                comment,
                Party.of(maker),
                move.requiredApprovals(),
                List.of(),
                State.PENDING,
                now,
                null,
                null,
                null,
                null,
                false);
        return new ApprovalCase(request, StageStay.of(operation), move.override(), maker.person(), Set.of());
    }

    /**
     * A request as stored.
     *
     * @param stay the stay of the operation the request was asked in
     * @param override whether the move forces a system or timer transition
     * @param makerPerson the person behind the maker ({@link Actor#person()})
     * @param voters the persons who approved it so far
     */
    public static ApprovalCase restore(
            ApprovalRequest request, StageStay stay, boolean override, String makerPerson, Set<String> voters) {
        return new ApprovalCase(request, stay, override, makerPerson, voters);
    }

    /**
     * A checker approves. Answers the counted {@link ApprovalGiven} — which {@linkplain
     * ApprovalGiven#approvesTheRequest() approves the request} when it is the last one needed — or {@link
     * RequestVoided} when the operation moved since the request or, at the last approval, the maker lost standing.
     *
     * @param checkerPerson the checker's person ({@link Actor#person()})
     * @param operationNow the operation's stay as it is now
     * @throws ApprovalVoid if the request was void already
     * @throws ApprovalNotPending if it was approved or declined already
     * @throws MakerCannotApprove if the checker is the maker's person
     * @throws AlreadyApproved if that person approved it already
     */
    public ApprovalOutcome approveBy(String checkerPerson, StageStay operationNow, MakerCheck maker) {
        refuseUnlessDecidableBy(checkerPerson, "approve");
        if (voters.contains(checkerPerson)) {
            throw new AlreadyApproved(approvals, request.requiredApprovals());
        }
        if (!operationNow.equals(stay)) {
            return voidBecause(ApprovalVoid.OPERATION_MOVED, movedSince(operationNow));
        }
        boolean last = approvals + 1 >= request.requiredApprovals();
        if (last) {
            Optional<String> lost = maker.lostPermission();
            if (lost.isPresent()) {
                return voidBecause(ApprovalVoid.MAKER_OUT_OF_STANDING, makerOutOfStanding(lost.get()));
            }
        }
        voters.add(checkerPerson);
        approvals++;
        if (last) {
            state = State.APPROVED;
        }
        return new ApprovalGiven(approvals, request.requiredApprovals());
    }

    /**
     * A checker declines, with a reason: {@link RequestDeclined}, or {@link RequestVoided} when the operation moved
     * since the request. Refused as {@link #approveBy} refuses.
     */
    public ApprovalOutcome declineBy(String checkerPerson, String reason, StageStay operationNow) {
        refuseUnlessDecidableBy(checkerPerson, "decline");
        if (!operationNow.equals(stay)) {
            return voidBecause(ApprovalVoid.OPERATION_MOVED, movedSince(operationNow));
        }
        state = State.DECLINED;
        return new RequestDeclined(reason);
    }

    public ApprovalRequest request() {
        return request;
    }

    public UUID id() {
        return request.id();
    }

    public State state() {
        return state;
    }

    public StageStay stay() {
        return stay;
    }

    public boolean override() {
        return override;
    }

    public String makerPerson() {
        return makerPerson;
    }

    /** The persons who approved so far. */
    public Set<String> voters() {
        return Set.copyOf(voters);
    }

    private void refuseUnlessDecidableBy(String checkerPerson, String action) {
        if (state == State.VOID) {
            throw ApprovalVoid.recorded(String.valueOf(voidReason));
        }
        if (state != State.PENDING) {
            throw new ApprovalNotPending(request.id(), state);
        }
        if (makerPerson.equals(checkerPerson)) {
            throw new MakerCannotApprove(action);
        }
    }

    private RequestVoided voidBecause(String reasonCode, String why) {
        state = State.VOID;
        voidReason = why;
        return new RequestVoided(reasonCode, why);
    }

    private String movedSince(StageStay now) {
        return "the operation moved on since the request (it was in '" + stay.stage() + "', it is now in '"
                + now.stage() + "' since " + now.enteredAt() + ")";
    }

    private String makerOutOfStanding(String permission) {
        Party maker = request.maker();
        return ApprovalVoid.MAKER_REASON_PREFIX + maker.kind() + " " + maker.id()
                + ") may no longer make this move: disabled," + " deleted, revoked or without the permission '"
                + permission + "'; it was not applied";
    }
}
