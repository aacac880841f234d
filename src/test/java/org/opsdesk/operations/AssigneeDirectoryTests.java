package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.lifecycle.ChangeWriter;
import org.opsdesk.operations.lifecycle.Operation;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.workflow.Workflows;
import org.opsdesk.workflow.loading.WorkflowFileReader;
import org.opsdesk.workflow.loading.WorkflowValidator;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A supervisor's assignment asks the {@link AssigneeDirectory} (the port {@code access} implements) whether the
 * assignee exists for the operation's type; without a directory any name is accepted. The database is stubbed:
 * what matters here is whether a change is written at all.
 */
class AssigneeDirectoryTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor SUPERVISOR =
            new Actor(Actor.Kind.OPERATOR, "sam", "Sam", Permissions.of("withdrawal:view", "withdrawal:assign"));

    private final OperationStore store = mock(OperationStore.class);
    private final ChangeWriter changes = mock(ChangeWriter.class);
    private final List<String> asked = new ArrayList<>();
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void anUnassignedWithdrawal() {
        var errors = new ArrayList<String>();
        var withdrawal = new WorkflowValidator()
                .validate(new WorkflowFileReader().read(null, errors), errors)
                .get("withdrawal");
        var operation = Operation.create(
                        id,
                        new NewOperation("withdrawal", "W-1", "client-1", null, "{}"),
                        withdrawal,
                        Actor.system("tests"),
                        NOW,
                        null)
                .operation();
        when(store.lock(id)).thenReturn(Optional.of(operation));
    }

    @Test
    void refusesAnAssigneeTheDirectoryDoesNotKnowForTheType() {
        var operations = operations((username, type) -> {
            asked.add(username + "@" + type);
            return username.equals("maria");
        });

        assertThatExceptionOfType(UnknownAssignee.class)
                .isThrownBy(() -> operations.assign(id, "ghost", null, null, SUPERVISOR))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.field())
                            .isEqualTo("assignee"));
                });
        assertThat(asked).containsExactly("ghost@withdrawal");
        verify(changes, never()).apply(any());
    }

    @Test
    void assignsSomeoneTheDirectoryKnows() {
        var operations = operations((username, type) -> username.equals("maria"));

        var assigned = operations.assign(id, "maria", "senior case", null, SUPERVISOR);

        assertThat(assigned.assignee()).isEqualTo("maria");
        assertThat(assigned.version()).isEqualTo(2);
        verify(changes, times(1)).apply(any());
    }

    @Test
    void acceptsAnyNameWithoutADirectory() {
        var operations = operations(null);

        assertThat(operations.assign(id, "anyone", null, null, SUPERVISOR).assignee())
                .isEqualTo("anyone");
    }

    @Test
    void clearsTheAssigneeWithoutAskingTheDirectory() {
        var operations = operations((username, type) -> {
            asked.add(username);
            return false;
        });

        assertThat(operations.assign(id, null, null, null, SUPERVISOR).assignee())
                .isNull();
        assertThat(asked).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private OperationCommands operations(@Nullable AssigneeDirectory directory) {
        ObjectProvider<AssigneeDirectory> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(directory);
        return new OperationCommands(
                mock(Workflows.class),
                store,
                changes,
                mock(Approvals.class),
                mock(MoveRules.class),
                provider,
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    }
}
