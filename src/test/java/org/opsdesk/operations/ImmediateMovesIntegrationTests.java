package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.ReasonRequired;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.TransitionNotAllowed;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A creation carried through further moves at once ({@link OperationCommands#createMoved}): one row at the last
 * stage and one chained history entry listing every move — and each move judged as a transition would be, so a
 * move that needs a second person or that the actor may not take writes nothing.
 */
class ImmediateMovesIntegrationTests extends IntegrationTest {

    private static final String TYPE = "withdrawal";
    private static final Actor MAKER =
            new Actor(Actor.Kind.OPERATOR, "immediate-maker", "Immediate Maker", Permissions.all(), "immediate-maker");

    @Autowired
    private OperationCommands commands;

    @Autowired
    private OperationQueries queries;

    @Autowired
    private JsonMapper json;

    /** The maker's standing is read from the directory on every move, as a transition's is. */
    @BeforeEach
    void theMakerIsASupervisor() {
        ensureOperator(MAKER.id(), "supervisor");
    }

    @Test
    void writesOneRowAtTheLastStageAndOneChainedEntryListingTheMoves() {
        UUID id = UUID.randomUUID();
        var created = commands.createMoved(
                id,
                withdrawal("100.00"),
                List.of(
                        new ImmediateMove("under_review", Actor.system("intake"), null),
                        new ImmediateMove("approved", MAKER, "documents match")),
                MAKER);

        assertThat(created.stage()).isEqualTo("approved");
        assertThat(created.status()).isEqualTo(Status.PENDING);
        var stored = queries.get(id, MAKER);
        assertThat(stored.stage()).isEqualTo("approved");
        assertThat(stored.version()).isEqualTo(1);
        var history = queries.history(id, MAKER);
        assertThat(history).hasSize(1);
        HistoryEntry entry = history.get(0);
        assertThat(entry.kind()).isEqualTo(HistoryEntry.CREATED);
        assertThat(entry.fromStage()).isNull();
        assertThat(entry.toStage()).isEqualTo("approved");
        assertThat(entry.actorId()).isEqualTo("immediate-maker");
        assertThat(entry.reason()).isNull();
        var moves = json.readTree(entry.changesJson()).get("moves");
        assertThat(moves).hasSize(2);
        assertThat(moves.get(0).get("to").asString()).isEqualTo("under_review");
        assertThat(moves.get(0).get("actorKind").asString()).isEqualTo("system");
        assertThat(moves.get(1).get("to").asString()).isEqualTo("approved");
        assertThat(moves.get(1).get("actorId").asString()).isEqualTo("immediate-maker");
        assertThat(moves.get(1).get("reason").asString()).isEqualTo("documents match");
        assertThat(queries.verify(id, MAKER).valid()).isTrue();
        // the one event carries the creation straight into the last stage
        assertThat(jdbc.sql("select count(*) from operations.outbox where operation_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aMoveThatNeedsASecondPersonWritesNothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> commands.createMoved(
                        id,
                        withdrawal("5000.00"),
                        List.of(
                                new ImmediateMove("under_review", Actor.system("intake"), null),
                                new ImmediateMove("approved", MAKER, "big one")),
                        MAKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("second person");
        assertThat(rows(id)).isZero();
    }

    @Test
    void aMoveTheActorMayNotTakeWritesNothing() {
        UUID id = UUID.randomUUID();
        // the workflow has no move from 'requested' straight to 'completed'
        assertThatThrownBy(() -> commands.createMoved(
                        id, withdrawal("10.00"), List.of(new ImmediateMove("completed", MAKER, "done")), MAKER))
                .isInstanceOf(TransitionNotAllowed.class);
        // the system's move, which a supervisor may force only with a reason
        assertThatThrownBy(() -> commands.createMoved(
                        id, withdrawal("10.00"), List.of(new ImmediateMove("under_review", MAKER, null)), MAKER))
                .isInstanceOf(ReasonRequired.class);
        assertThat(rows(id)).isZero();
    }

    private long rows(UUID id) {
        return jdbc.sql("select count(*) from operations.operation where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static NewOperation withdrawal(String eur) {
        return new NewOperation(
                TYPE,
                "immediate-" + UUID.randomUUID(),
                "client:immediate",
                new Money(new BigDecimal(eur), new CurrencyCode("EUR", 2)),
                "{}");
    }
}
