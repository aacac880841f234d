package org.opsdesk.operations.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.workflow.TestWorkflows.eur;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.TestWorkflows;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * The operation aggregate without Spring or a database: each change yields the next version, a history entry
 * chained to the one before and, for a stage change, its event.
 */
class OperationTests {

    private static final WorkflowDefinition PARCEL = TestWorkflows.parcel();
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Actor OLGA = new Actor(Actor.Kind.OPERATOR, "olga", "Olga Nowak", Permissions.all());
    private static final Actor PAYMENTS =
            new Actor(Actor.Kind.API_KEY, "key-7", "payments", Permissions.of("parcel:transition:paid"));

    @Test
    void startsAtTheInitialStageAtVersionOneWithTheFirstEntryOfItsChain() {
        var id = UUID.randomUUID();

        var created = Operation.create(id, parcel(), PARCEL, OLGA, T0, "req-1");

        var snapshot = created.operation().snapshot();
        assertThat(snapshot.id()).isEqualTo(id);
        assertThat(snapshot.stage()).isEqualTo("requested");
        assertThat(snapshot.status()).isEqualTo(Status.PENDING);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.workflowVersion()).isEqualTo(1);
        assertThat(snapshot.createdAt()).isEqualTo(T0);
        assertThat(snapshot.stageEnteredAt()).isEqualTo(T0);
        assertThat(snapshot.dueAt()).as("the stage's SLA").isEqualTo(T0.plus(Duration.ofHours(1)));
        var entry = created.entry();
        assertThat(entry.seq()).isEqualTo(1);
        assertThat(entry.kind()).isEqualTo(HistoryEntry.CREATED);
        assertThat(entry.fromStage()).isNull();
        assertThat(entry.toStage()).isEqualTo("requested");
        assertThat(entry.actorId()).isEqualTo("olga");
        assertThat(entry.requestId()).isEqualTo("req-1");
        assertThat(entry.previousHash()).isNull();
        assertThat(entry.hash()).isEqualTo(HistoryChain.hash(null, entry)).hasSize(32);
        assertThat(entry.changesJson()).contains("\"reference\":\"P-1\"", "\"amount\":{");
        assertThat(created.operation().historyHead()).isEqualTo(entry.hash());
        assertThat(created.event()).isNotNull();
        assertThat(((StatusChanged) created.event()).toStage()).isEqualTo("requested");
    }

    @Test
    void aMoveBumpsTheVersionChainsItsEntryToThePreviousOneAndReportsTheStatusChange() {
        var created = Operation.create(UUID.randomUUID(), parcel(), PARCEL, OLGA, T0, null);
        Instant later = T0.plusSeconds(90);
        var move = PARCEL.move("requested", "awaiting_payment", OLGA, null, eur("250.00"));

        var moved = created.operation().transition(move, PARCEL, OLGA, null, "called the client", later, "req-2");

        var snapshot = moved.operation().snapshot();
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.stage()).isEqualTo("awaiting_payment");
        assertThat(snapshot.createdAt()).isEqualTo(T0);
        assertThat(snapshot.stageEnteredAt()).isEqualTo(later);
        assertThat(snapshot.updatedAt()).isEqualTo(later);
        var entry = moved.entry();
        assertThat(entry.seq()).isEqualTo(2);
        assertThat(entry.kind()).isEqualTo(HistoryEntry.TRANSITIONED);
        assertThat(entry.fromStage()).isEqualTo("requested");
        assertThat(entry.toStage()).isEqualTo("awaiting_payment");
        assertThat(entry.comment()).isEqualTo("called the client");
        assertThat(entry.previousHash()).isEqualTo(created.entry().hash());
        assertThat(entry.hash()).isEqualTo(HistoryChain.hash(created.entry().hash(), entry));
        assertThat(moved.event()).isNotNull();
        assertThat(((StatusChanged) moved.event()).fromStage()).isEqualTo("requested");
        assertThat(((StatusChanged) moved.event()).toStage()).isEqualTo("awaiting_payment");
        assertThat(moved.event().operation()).isEqualTo(snapshot);
        assertThat(created.operation().snapshot().version())
                .as("the earlier state is left as it was")
                .isEqualTo(1);
    }

    @Test
    void aStageWithATimerIsDueWhenTheTimerFires() {
        var moved = move(created(), "awaiting_payment", OLGA, null);

        assertThat(moved.operation().timerAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(moved.operation().snapshot().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aTerminalStageHasNoDeadlineAndNoWayOut() {
        var paid = move(move(created(), "awaiting_payment", OLGA, null), "paid", PAYMENTS, null);

        assertThat(paid.operation().snapshot().status()).isEqualTo(Status.SUCCESS);
        assertThat(paid.operation().snapshot().dueAt()).isNull();
        assertThat(paid.operation().timerAt()).isNull();
        assertThat(PARCEL.movesFor("paid", Actor.system("loader"), null)).isEmpty();
    }

    @Test
    void recordsTheReasonStrippedABlankCommentAsNoneAndWhetherTheMoveWasForced() {
        var awaiting = move(created(), "awaiting_payment", OLGA, null);
        var supervisor =
                new Actor(Actor.Kind.OPERATOR, "sam", "Sam", Permissions.of("parcel:transition:paid:override"));
        var move = PARCEL.move("awaiting_payment", "paid", supervisor, "  paid at the desk \n", eur("250.00"));

        var forced = awaiting.operation().transition(move, PARCEL, supervisor, "  paid at the desk \n", "  ", T0, null);

        assertThat(forced.entry().reason()).isEqualTo("paid at the desk");
        assertThat(forced.entry().comment()).isNull();
        assertThat(forced.entry().override()).isTrue();
        assertThat(((StatusChanged) forced.event()).override()).isTrue();
        assertThat(forced.event().reason()).isEqualTo("paid at the desk");
    }

    @Test
    void anAssignmentKeepsTheStageButIsVersionedAndChainedWithoutAStatusChange() {
        var created = created();

        var claimed = created.operation().assign("olga", Operation.AssignAction.CLAIM, OLGA, null, T0, null);

        var snapshot = claimed.operation().snapshot();
        assertThat(snapshot.assignee()).isEqualTo("olga");
        assertThat(snapshot.stage()).isEqualTo("requested");
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.stageEnteredAt())
                .isEqualTo(created.operation().snapshot().stageEnteredAt());
        assertThat(claimed.event()).as("no status change").isNull();
        assertThat(claimed.entry().kind()).isEqualTo(HistoryEntry.ASSIGNED);
        assertThat(claimed.entry().fromStage())
                .isEqualTo("requested")
                .isEqualTo(claimed.entry().toStage());
        assertThat(claimed.entry().changesJson())
                .isEqualTo("{\"action\":\"claim\",\"assignee\":\"olga\",\"previousAssignee\":null}");
        assertThat(claimed.entry().previousHash()).isEqualTo(created.entry().hash());
    }

    @Test
    void recordsAnAttributeEditWithBeforeAndAfterAndANoteOfItsKind() {
        var edited = created().operation().editAttributes("{\"size\":\"L\"}", OLGA, "client asked", null, T0, null);
        var noted = edited.operation()
                .note(HistoryEntry.APPROVAL_REQUESTED, OLGA, null, null, Map.of("requestId", "a-1"), T0, null);

        assertThat(edited.operation().snapshot().attributesJson()).isEqualTo("{\"size\":\"L\"}");
        assertThat(edited.entry().changesJson()).isEqualTo("{\"after\":{\"size\":\"L\"},\"before\":{\"size\":\"S\"}}");
        assertThat(noted.entry().kind()).isEqualTo(HistoryEntry.APPROVAL_REQUESTED);
        assertThat(noted.entry().seq()).isEqualTo(3);
        assertThat(noted.operation().snapshot().version()).isEqualTo(3);
        assertThat(noted.event()).isNull();
    }

    @Test
    void anAttributeEditIsAnnouncedWithTheKeysThatChangedTheirPreviousValuesAndTheReasonButNotTheComment() {
        var created = created();
        var edited = created.operation()
                .editAttributes(
                        "{\"colour\":\"red\",\"size\":\"L\"}", OLGA, "client asked", "approved by Piotr", T0, null);

        assertThat(edited.event()).isInstanceOf(AttributesChanged.class);
        var event = (AttributesChanged) edited.event();
        assertThat(event.changed()).containsExactly("colour", "size");
        assertThat(event.previousJson()).isEqualTo("{\"colour\":null,\"size\":\"S\"}");
        assertThat(event.reason()).isEqualTo("client asked");
        assertThat(event.actorId()).isEqualTo(OLGA.id());
        assertThat(event.operation()).isEqualTo(edited.operation().snapshot());
        assertThat(event.eventType()).isEqualTo(AttributesChanged.TYPE);
        assertThat(edited.entry().comment()).isEqualTo("approved by Piotr");
        assertThat(edited.entry().reason()).isEqualTo("client asked");
    }

    @Test
    void anEditThatChangesNoValueIsRecordedButNotAnnounced() {
        var same = created().operation().editAttributes("{\"size\":\"S\"}", OLGA, "re-saved", null, T0, null);

        assertThat(same.entry().kind()).isEqualTo(HistoryEntry.ATTRIBUTES_CHANGED);
        assertThat(same.event()).isNull();
    }

    @Test
    void everyChangeExtendsAChainThatVerifiesUpToTheOperationsHead() {
        var created = created();
        var claimed = created.operation().assign("olga", Operation.AssignAction.CLAIM, OLGA, null, T0, null);
        var awaiting = move(claimed, "awaiting_payment", OLGA, null);
        var paid = move(awaiting, "paid", PAYMENTS, null);

        var verification = HistoryChainVerifier.verify(
                List.of(created.entry(), claimed.entry(), awaiting.entry(), paid.entry()), paid.operation());

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(4);
        assertThat(HistoryChainVerifier.verify(
                                List.of(created.entry(), claimed.entry(), awaiting.entry()), paid.operation())
                        .valid())
                .as("a chain that stops short of the head")
                .isFalse();
    }

    static NewOperation parcel() {
        return new NewOperation("parcel", "P-1", "client-42", eur("250.00"), "{\"size\":\"S\"}");
    }

    static Operation.Change created() {
        return Operation.create(UUID.randomUUID(), parcel(), PARCEL, OLGA, T0, null);
    }

    static Operation.Change move(Operation.Change from, String to, Actor actor, String reason) {
        var operation = from.operation();
        var move = PARCEL.move(
                operation.snapshot().stage(),
                to,
                actor,
                reason,
                operation.snapshot().amount());
        return operation.transition(move, PARCEL, actor, reason, null, T0, null);
    }
}
