package org.opsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsdesk.workflow.TestWorkflows.eur;

import org.junit.jupiter.api.Test;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;

/** The move rules of one workflow version: who may take which transition, when a reason and checkers are due. */
class WorkflowDefinitionTests {

    private static final WorkflowDefinition PARCEL = TestWorkflows.parcel();

    @Test
    void refusesAMoveToAStageTheWorkflowDoesNotHave() {
        assertThatThrownBy(() -> PARCEL.move("requested", "lost", operator("parcel:*"), null, null))
                .isInstanceOf(UnknownStage.class);
    }

    @Test
    void refusesAMoveWithoutATransitionFromTheCurrentStage() {
        assertThatThrownBy(() -> PARCEL.move("requested", "paid", Actor.system("loader"), null, null))
                .isInstanceOf(TransitionNotAllowed.class);
    }

    @Test
    void refusesEveryMoveOutOfATerminalStageAndOffersNone() {
        for (String terminal : new String[] {"paid", "cancelled", "expired"}) {
            assertThat(PARCEL.stage(terminal))
                    .hasValueSatisfying(stage -> assertThat(stage.terminal()).isTrue());
            assertThatThrownBy(() -> PARCEL.move(terminal, "requested", Actor.system("loader"), "undo", null))
                    .isInstanceOf(TransitionNotAllowed.class);
            assertThat(PARCEL.movesFor(terminal, Actor.system("loader"), null)).isEmpty();
        }
    }

    @Test
    void letsAPersonHoldingTheTransitionsPermissionTakeAManualMove() {
        var move = PARCEL.move(
                "requested", "awaiting_payment", operator("parcel:transition:awaiting_payment"), null, null);

        assertThat(move.transition().to()).isEqualTo("awaiting_payment");
        assertThat(move.override()).isFalse();
        assertThat(move.needsApproval()).isFalse();
    }

    @Test
    void refusesAPersonWithoutTheTransitionsPermission() {
        assertThatThrownBy(() -> PARCEL.move(
                        "requested", "awaiting_payment", operator("parcel:transition:cancelled"), null, null))
                .isInstanceOf(PermissionDenied.class);
    }

    @Test
    void asksForAReasonWhereTheTransitionRequiresOneAndTakesAnyNonBlankOne() {
        var operator = operator("parcel:transition:cancelled");

        assertThatThrownBy(() -> PARCEL.move("requested", "cancelled", operator, null, null))
                .isInstanceOf(ReasonRequired.class);
        assertThatThrownBy(() -> PARCEL.move("requested", "cancelled", operator, "   ", null))
                .isInstanceOf(ReasonRequired.class);
        assertThat(PARCEL.move("requested", "cancelled", operator, "the client withdrew", null)
                        .override())
                .isFalse();
    }

    @Test
    void letsAnApiKeyTakeASystemMoveWithThePlainPermission() {
        var key = new Actor(Actor.Kind.API_KEY, "key-1", "payments", Permissions.of("parcel:transition:paid"));

        var move = PARCEL.move("awaiting_payment", "paid", key, null, eur("10.00"));

        assertThat(move.override()).isFalse();
        assertThat(move.requiredApprovals()).isZero();
    }

    @Test
    void makesAPersonForceASystemMoveWithTheOverridePermissionAndAReason() {
        assertThatThrownBy(() -> PARCEL.move(
                        "awaiting_payment", "paid", operator("parcel:transition:paid"), "paid at the desk", null))
                .as("the plain permission is not enough for a person")
                .isInstanceOf(PermissionDenied.class);
        var supervisor = operator("parcel:transition:paid:override");
        assertThatThrownBy(() -> PARCEL.move("awaiting_payment", "paid", supervisor, " ", eur("10.00")))
                .isInstanceOf(ReasonRequired.class);

        var forced = PARCEL.move("awaiting_payment", "paid", supervisor, "paid at the desk", eur("10.00"));

        assertThat(forced.override()).isTrue();
    }

    @Test
    void letsTheTimerFireTimerTransitionsOnly() {
        assertThat(PARCEL.move("awaiting_payment", "expired", Actor.timer(), null, null)
                        .override())
                .isFalse();
        assertThatThrownBy(() -> PARCEL.move("awaiting_payment", "paid", Actor.timer(), null, null))
                .isInstanceOf(TransitionNotAllowed.class);
        assertThat(PARCEL.movesFor("awaiting_payment", Actor.timer(), null))
                .extracting(move -> move.transition().to())
                .containsExactly("expired");
    }

    @Test
    void trustsInternalProcessesWithEveryMoveWithoutReasonOrCheckers() {
        var move = PARCEL.move("awaiting_payment", "cancelled", Actor.system("loader"), null, eur("90000.00"));

        assertThat(move.override()).isFalse();
        assertThat(move.requiredApprovals()).isZero();
    }

    @Test
    void asksForTheCheckersOfTheFourEyesTierTheAmountFallsInto() {
        var key = new Actor(Actor.Kind.API_KEY, "key-1", "payments", Permissions.of("parcel:transition:paid"));

        assertThat(PARCEL.move("awaiting_payment", "paid", key, null, eur("1000.00"))
                        .requiredApprovals())
                .isZero();
        assertThat(PARCEL.move("awaiting_payment", "paid", key, null, eur("1000.01"))
                        .requiredApprovals())
                .isEqualTo(1);
        assertThat(PARCEL.move("awaiting_payment", "paid", key, null, eur("50000.01"))
                        .requiredApprovals())
                .isEqualTo(2);
        assertThat(PARCEL.move("awaiting_payment", "paid", key, null, null).requiredApprovals())
                .as("no amount: the highest tier, failing safe")
                .isEqualTo(2);
        assertThat(PARCEL.move("awaiting_payment", "paid", key, null, eur("5000.00"))
                        .needsApproval())
                .isTrue();
    }

    @Test
    void offersAPersonOnlyTheMovesTheyHoldAPermissionForWithTheirOverrideAndCheckers() {
        var supervisor = operator("parcel:transition:cancelled", "parcel:transition:paid:override");

        var moves = PARCEL.movesFor("awaiting_payment", supervisor, eur("2000.00"));

        assertThat(moves)
                .extracting(move -> move.transition().to(), Move::override, Move::requiredApprovals)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("paid", true, 1),
                        org.assertj.core.groups.Tuple.tuple("cancelled", false, 0));
        assertThat(PARCEL.movesFor("awaiting_payment", operator(), eur("2000.00")))
                .isEmpty();
    }

    @Test
    void startsAtItsInitialStageAndKeepsItsRulesUnderANewVersion() {
        var second = PARCEL.withVersion(2);

        assertThat(PARCEL.initialStage().code()).isEqualTo("requested");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.transitions()).isEqualTo(PARCEL.transitions());
        assertThat(second.stages()).isEqualTo(PARCEL.stages());
        assertThat(second.timer("awaiting_payment")).map(Transition::to).contains("expired");
        assertThat(second.timer("requested")).isEmpty();
    }

    private static Actor operator(String... permissions) {
        return new Actor(Actor.Kind.OPERATOR, "olga", "Olga", Permissions.of(permissions));
    }
}
