package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationCommands.Step;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.TransitionNotAllowed;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many moves in one transaction ({@link OperationCommands#transitionAll}): each judged as a single transition is,
 * each operation's steps in their order with a chained history entry and an outbox event each, a refused step
 * stopping only its own operation's later steps, a four-eyes move opening its approval request.
 */
class BulkTransitionsIntegrationTests extends IntegrationTest {

    private static final Actor SUPERVISOR =
            new Actor(Actor.Kind.OPERATOR, "bulk-supervisor", "Bulk Supervisor", Permissions.all(), "bulk-supervisor");
    private static final Actor INTAKE = Actor.system("bulk-intake");

    @Autowired
    private OperationCommands commands;

    @Autowired
    private OperationQueries queries;

    @BeforeEach
    void theSupervisorIsOne() {
        ensureOperator(SUPERVISOR.id(), "supervisor");
    }

    @Test
    void movesEachOperationThroughItsStepsWithAChainedEntryAndAnEventPerMove() {
        UUID first = withdrawal("100.00");
        UUID second = withdrawal("200.00");

        var results = commands.transitionAll(List.of(
                new Step(first, "requested", "under_review", null, null, INTAKE),
                new Step(second, "requested", "under_review", null, "second's comment", INTAKE),
                new Step(first, "under_review", "approved", "documents match", null, SUPERVISOR)));

        assertThat(results).allMatch(OperationCommands.StepResult::applied);
        assertThat(results.get(2).stage()).isEqualTo("approved");
        assertThat(queries.get(first, SUPERVISOR).stage()).isEqualTo("approved");
        assertThat(queries.get(first, SUPERVISOR).version()).isEqualTo(3);
        assertThat(queries.get(second, SUPERVISOR).stage()).isEqualTo("under_review");
        var history = queries.history(first, SUPERVISOR);
        assertThat(history).extracting(HistoryEntry::toStage).containsExactly("requested", "under_review", "approved");
        assertThat(history.get(2).reason()).isEqualTo("documents match");
        assertThat(history.get(2).actorId()).isEqualTo(SUPERVISOR.id());
        assertThat(queries.history(second, SUPERVISOR).get(1).comment()).isEqualTo("second's comment");
        assertThat(queries.verify(first, SUPERVISOR).valid()).isTrue();
        assertThat(queries.verify(second, SUPERVISOR).valid()).isTrue();
        assertThat(events(first)).isEqualTo(3);
        assertThat(events(second)).isEqualTo(2);
    }

    @Test
    void aRefusedStepStopsOnlyItsOwnOperation() {
        UUID elsewhere = withdrawal("10.00");
        UUID notAllowed = withdrawal("11.00");
        UUID fine = withdrawal("12.00");
        UUID missing = UUID.randomUUID();

        var results = commands.transitionAll(List.of(
                new Step(elsewhere, "under_review", "approved", "too early", null, SUPERVISOR),
                new Step(elsewhere, "approved", "completed", null, null, INTAKE),
                new Step(notAllowed, null, "completed", "no such move", null, SUPERVISOR),
                new Step(missing, null, "under_review", null, null, INTAKE),
                new Step(fine, "requested", "under_review", null, null, INTAKE)));

        assertThat(results.get(0).applied()).isFalse();
        assertThat(results.get(0).refused()).isInstanceOf(MoveRefused.class);
        assertThat(results.get(0).refused().getMessage()).contains("'requested', not 'under_review'");
        assertThat(results.get(0).stage()).isEqualTo("requested");
        assertThat(results.get(1).refused().getMessage()).contains("earlier move");
        assertThat(results.get(2).refused()).isInstanceOf(TransitionNotAllowed.class);
        assertThat(results.get(3).refused()).isInstanceOf(NotFound.class);
        assertThat(results.get(3).stage()).isNull();
        assertThat(results.get(4).applied()).isTrue();
        assertThat(queries.get(elsewhere, SUPERVISOR).version()).isEqualTo(1);
        assertThat(queries.get(notAllowed, SUPERVISOR).version()).isEqualTo(1);
        assertThat(queries.get(fine, SUPERVISOR).stage()).isEqualTo("under_review");
    }

    @Test
    void aFourEyesMoveOpensItsRequestAfterTheOperationsEarlierMoves() {
        UUID big = withdrawal("5000.00");

        var results = commands.transitionAll(List.of(
                new Step(big, "requested", "under_review", null, null, INTAKE),
                new Step(big, "under_review", "approved", "big one", null, SUPERVISOR),
                new Step(big, "approved", "completed", null, null, INTAKE)));

        assertThat(results.get(0).applied()).isTrue();
        assertThat(results.get(1).applied()).isFalse();
        assertThat(results.get(1).result()).isNotNull();
        assertThat(results.get(1).result().approval()).isNotNull();
        assertThat(results.get(2).refused().getMessage()).contains("earlier move");
        assertThat(queries.get(big, SUPERVISOR).stage()).isEqualTo("under_review");
        assertThat(queries.verify(big, SUPERVISOR).valid()).isTrue();
    }

    private UUID withdrawal(String eur) {
        return commands.create(
                        new NewOperation(
                                "withdrawal",
                                "bulk-" + UUID.randomUUID(),
                                "client:bulk",
                                new Money(new BigDecimal(eur), new CurrencyCode("EUR", 2)),
                                "{}"),
                        SUPERVISOR)
                .id();
    }

    private long events(UUID id) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
