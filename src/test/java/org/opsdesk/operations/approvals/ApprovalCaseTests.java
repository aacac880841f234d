package org.opsdesk.operations.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsdesk.workflow.TestWorkflows.eur;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.approvals.ApprovalCase.MakerCheck;
import org.opsdesk.operations.approvals.ApprovalOutcome.ApprovalGiven;
import org.opsdesk.operations.approvals.ApprovalOutcome.RequestDeclined;
import org.opsdesk.operations.approvals.ApprovalOutcome.RequestVoided;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.TestWorkflows;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * The four-eyes rules without Spring or a database: who may decide, how votes count, when a request becomes void
 * and when it is approved — each answered as a typed outcome or refused as the problem the API returns.
 */
class ApprovalCaseTests {

    private static final WorkflowDefinition PARCEL = TestWorkflows.parcel();
    private static final Instant ENTERED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant ASKED = ENTERED.plusSeconds(600);
    private static final StageStay STAY = new StageStay("awaiting_payment", ENTERED);
    /** Alice asks through one of her API keys: four-eyes counts her, the person behind it. */
    private static final Actor ALICES_KEY = new Actor(
            Actor.Kind.API_KEY, "key-a1", "alice's payments key", Permissions.of("parcel:*"), "operator:alice");

    private static final MakerCheck IN_STANDING = Optional::empty;

    // ---- opening ------------------------------------------------------------------------------------------------

    @Test
    void opensAPendingRequestForTheStayOfTheOperationAndTheMakersPerson() {
        var operation = parcelAwaitingPayment("60000.00");
        Move move = PARCEL.move("awaiting_payment", "paid", ALICES_KEY, "paid by wire", operation.amount());

        var opened = ApprovalCase.open(UUID.randomUUID(), operation, move, ALICES_KEY, "paid by wire", null, ASKED);

        assertThat(opened.state()).isEqualTo(State.PENDING);
        assertThat(opened.stay()).isEqualTo(STAY);
        assertThat(opened.makerPerson()).isEqualTo("operator:alice");
        assertThat(opened.override()).isFalse();
        assertThat(opened.voters()).isEmpty();
        ApprovalRequest request = opened.request();
        assertThat(request.operationId()).isEqualTo(operation.id());
        assertThat(request.fromStage()).isEqualTo("awaiting_payment");
        assertThat(request.toStage()).isEqualTo("paid");
        assertThat(request.requiredApprovals()).as("the second tier").isEqualTo(2);
        assertThat(request.maker().principalKey()).isEqualTo("api_key:key-a1");
        assertThat(request.createdAt()).isEqualTo(ASKED);
    }

    // ---- who may decide -----------------------------------------------------------------------------------------

    @Test
    void rejectsApprovalByTheMaker() {
        var approval = pending(1);

        assertThatThrownBy(() -> approval.approveBy("operator:alice", STAY, IN_STANDING))
                .isInstanceOf(MakerCannotApprove.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThat(approval.state()).isEqualTo(State.PENDING);
        assertThat(approval.voters()).isEmpty();
    }

    @Test
    void rejectsDeclineByTheMaker() {
        var approval = pending(1);

        assertThatThrownBy(() -> approval.declineBy("operator:alice", "changed my mind", STAY))
                .isInstanceOf(MakerCannotApprove.class)
                .hasMessageContaining("decline");
        assertThat(approval.state()).isEqualTo(State.PENDING);
    }

    @Test
    void countsOnePersonOnceWhicheverKeyTheyUse() {
        var approval = pending(2);
        // bob approves with one key, then with another: both keys stand for the person operator:bob
        approval.approveBy("operator:bob", STAY, IN_STANDING);

        assertThatThrownBy(() -> approval.approveBy("operator:bob", STAY, IN_STANDING))
                .isInstanceOf(AlreadyApproved.class)
                .satisfies(e -> assertThat(((ProblemException) e).properties())
                        .containsEntry("approvals", 1)
                        .containsEntry("requiredApprovals", 2));
        assertThat(approval.voters()).containsExactly("operator:bob");
        assertThat(approval.state()).isEqualTo(State.PENDING);
    }

    @Test
    void remembersWhoApprovedBeforeItWasLoaded() {
        var approval =
                ApprovalCase.restore(pending(2).request(), STAY, false, "operator:alice", Set.of("operator:bob"));

        assertThatThrownBy(() -> approval.approveBy("operator:bob", STAY, IN_STANDING))
                .isInstanceOf(AlreadyApproved.class);
    }

    // ---- approving ----------------------------------------------------------------------------------------------

    @Test
    void countsAnApprovalThatIsNotTheLastWithoutApprovingTheRequest() {
        var approval = pending(2);

        var outcome = approval.approveBy("operator:bob", STAY, IN_STANDING);

        assertThat(outcome).isEqualTo(new ApprovalGiven(1, 2));
        assertThat(((ApprovalGiven) outcome).approvesTheRequest()).isFalse();
        assertThat(approval.state()).isEqualTo(State.PENDING);
    }

    @Test
    void approvesOnTheLastNeededApproval() {
        var approval = pending(2);
        approval.approveBy("operator:bob", STAY, IN_STANDING);

        var outcome = approval.approveBy("operator:carol", STAY, IN_STANDING);

        assertThat(outcome).isEqualTo(new ApprovalGiven(2, 2));
        assertThat(((ApprovalGiven) outcome).approvesTheRequest()).isTrue();
        assertThat(approval.state()).isEqualTo(State.APPROVED);
        assertThat(approval.voters()).containsExactlyInAnyOrder("operator:bob", "operator:carol");
    }

    @Test
    void asksAboutTheMakerOnlyWhenTheLastApprovalArrives() {
        var approval = pending(2);
        var asked = new AtomicInteger();
        MakerCheck counting = () -> {
            asked.incrementAndGet();
            return Optional.empty();
        };

        approval.approveBy("operator:bob", STAY, counting);
        assertThat(asked).hasValue(0);
        approval.approveBy("operator:carol", STAY, counting);
        assertThat(asked).hasValue(1);
    }

    // ---- void ---------------------------------------------------------------------------------------------------

    @Test
    void voidsWhenTheOperationMovedSinceTheRequest() {
        var approval = pending(1);
        var backInTheSameStageLater = new StageStay("awaiting_payment", ENTERED.plusSeconds(1));

        var outcome = approval.approveBy("operator:bob", backInTheSameStageLater, IN_STANDING);

        assertThat(outcome).isInstanceOf(RequestVoided.class);
        assertThat(((RequestVoided) outcome).why())
                .contains(
                        "moved on since the request",
                        "it was in 'awaiting_payment'",
                        ENTERED.plusSeconds(1).toString());
        assertThat(approval.state()).isEqualTo(State.VOID);
        assertThat(approval.voters()).as("the vote did not count").isEmpty();
    }

    @Test
    void voidsADeclineWhenTheOperationLeftTheStage() {
        var approval = pending(1);

        var outcome = approval.declineBy("operator:bob", "wrong IBAN", new StageStay("cancelled", ASKED));

        assertThat(outcome).isInstanceOf(RequestVoided.class);
        assertThat(((RequestVoided) outcome).why()).contains("it is now in 'cancelled'");
        assertThat(approval.state()).isEqualTo(State.VOID);
    }

    @Test
    void voidsWhenTheMakerLostStanding() {
        var approval = pending(1);

        var outcome = approval.approveBy("operator:bob", STAY, () -> Optional.of("parcel:transition:paid"));

        assertThat(outcome).isInstanceOf(RequestVoided.class);
        assertThat(((RequestVoided) outcome).why())
                .contains("the maker (api_key key-a1) may no longer make this move", "'parcel:transition:paid'");
        assertThat(((RequestVoided) outcome).reasonCode()).isEqualTo(ApprovalVoid.MAKER_OUT_OF_STANDING);
        assertThat(approval.state()).isEqualTo(State.VOID);
        assertThat(approval.voters()).isEmpty();
    }

    /** Failed before: every void was told as "the operation has moved on", a maker's lost standing included. */
    @Test
    void tellsAVoidForTheMakersStandingFromOneForAMoveAlsoWhenDecidedAgain() {
        var lostStanding = pending(1);
        lostStanding.approveBy("operator:bob", STAY, () -> Optional.of("parcel:transition:paid"));
        var moved = pending(1);
        var outcome = moved.approveBy("operator:bob", new StageStay("cancelled", ASKED), IN_STANDING);

        assertThat(((RequestVoided) outcome).reasonCode()).isEqualTo(ApprovalVoid.OPERATION_MOVED);
        assertThatThrownBy(() -> lostStanding.approveBy("operator:carol", STAY, IN_STANDING))
                .isInstanceOf(ApprovalVoid.class)
                .satisfies(e -> assertThat(((ProblemException) e).properties())
                        .containsEntry("reasonCode", ApprovalVoid.MAKER_OUT_OF_STANDING));
        assertThatThrownBy(() -> moved.declineBy("operator:carol", "too late", STAY))
                .isInstanceOf(ApprovalVoid.class)
                .satisfies(e -> assertThat(((ProblemException) e).properties())
                        .containsEntry("reasonCode", ApprovalVoid.OPERATION_MOVED));
    }

    @Test
    void refusesEveryDecisionOnAVoidRequestWithItsReason() {
        var approval = pending(1);
        approval.approveBy("operator:bob", new StageStay("cancelled", ASKED), IN_STANDING);

        assertThatThrownBy(() -> approval.approveBy("operator:carol", STAY, IN_STANDING))
                .isInstanceOf(ApprovalVoid.class)
                .satisfies(e -> assertThat(((ProblemException) e).properties())
                        .containsEntry("state", "VOID")
                        .hasEntrySatisfying("voidReason", reason -> assertThat((String) reason)
                                .contains("it is now in 'cancelled'")));
        assertThatThrownBy(() -> approval.declineBy("operator:carol", "too late", STAY))
                .isInstanceOf(ApprovalVoid.class);
    }

    @Test
    void refusesADecisionOnARequestStoredAsVoid() {
        var stored = withState(pending(1).request(), State.VOID, "voided by an earlier move");
        var approval = ApprovalCase.restore(stored, STAY, false, "operator:alice", Set.of());

        assertThatThrownBy(() -> approval.approveBy("operator:bob", STAY, IN_STANDING))
                .isInstanceOf(ApprovalVoid.class)
                .hasMessageContaining("voided by an earlier move");
    }

    // ---- decided requests ---------------------------------------------------------------------------------------

    @Test
    void declinesWithItsReason() {
        var approval = pending(1);

        var outcome = approval.declineBy("operator:bob", "IBAN owner does not match", STAY);

        assertThat(outcome).isEqualTo(new RequestDeclined("IBAN owner does not match"));
        assertThat(approval.state()).isEqualTo(State.DECLINED);
    }

    @Test
    void refusesDecisionOnDecidedRequest() {
        var declined = pending(1);
        declined.declineBy("operator:bob", "duplicate payout", STAY);
        var approved = pending(1);
        approved.approveBy("operator:bob", STAY, IN_STANDING);

        assertThatThrownBy(() -> declined.approveBy("operator:carol", STAY, IN_STANDING))
                .isInstanceOf(ApprovalNotPending.class)
                .satisfies(e -> assertThat(((ProblemException) e).properties()).containsEntry("state", "DECLINED"));
        assertThatThrownBy(() -> approved.declineBy("operator:carol", "second thoughts", STAY))
                .isInstanceOf(ApprovalNotPending.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409))
                .satisfies(e -> assertThat(((ProblemException) e).properties()).containsEntry("state", "APPROVED"));
    }

    @Test
    void refusesTheMakerOfADecidedRequestAsNotPendingFirst() {
        var approved = pending(1);
        approved.approveBy("operator:bob", STAY, IN_STANDING);

        assertThatThrownBy(() -> approved.approveBy("operator:alice", STAY, IN_STANDING))
                .isInstanceOf(ApprovalNotPending.class);
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    /** Alice's request to mark a parcel paid, needing this many approvals. */
    private static ApprovalCase pending(int required) {
        var operation = parcelAwaitingPayment("60000.00");
        var move = new Move(PARCEL.transition("awaiting_payment", "paid").orElseThrow(), false, required);
        return ApprovalCase.open(UUID.randomUUID(), operation, move, ALICES_KEY, "paid by wire", null, ASKED);
    }

    private static OperationSnapshot parcelAwaitingPayment(String amount) {
        return new OperationSnapshot(
                UUID.randomUUID(),
                "parcel",
                1,
                "P-1",
                "a parcel",
                Status.PENDING,
                "awaiting_payment",
                eur(amount),
                null,
                "{}",
                2,
                ENTERED.minusSeconds(60),
                ENTERED,
                ENTERED,
                null);
    }

    private static ApprovalRequest withState(ApprovalRequest r, State state, String voidReason) {
        return new ApprovalRequest(
                r.id(),
                r.operationId(),
                r.operationType(),
                r.fromStage(),
                r.toStage(),
                r.amount(),
                r.reason(),
                r.comment(),
                r.maker(),
                r.requiredApprovals(),
                List.of(),
                state,
                r.createdAt(),
                ASKED.plusSeconds(60),
                r.maker(),
                null,
                voidReason,
                false);
    }
}
