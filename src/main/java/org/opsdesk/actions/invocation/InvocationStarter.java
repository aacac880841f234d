package org.opsdesk.actions.invocation;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.operations.ImmediateMove;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a checked invocation: its operation in {@code requested} (attributes: the action, the record, the input as
 * text — never an upload's bytes), the catalog's row with the typed input and the approvals asked, and the maker's
 * move to {@code approved}, which operations turns into a four-eyes request when the declaration asks for one. The
 * caller's transaction holds it all.
 */
@Component
class InvocationStarter {

    static final String REQUESTED = "requested";
    static final String APPROVED = "approved";

    private final OperationCommands commands;
    private final InvocationStore store;
    private final JsonMapper json;
    private final Clock clock;

    InvocationStarter(OperationCommands commands, InvocationStore store, JsonMapper json, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    TransitionResult start(Prepared prepared) {
        String type = prepared.operationType();
        Actor vouched = CatalogActor.vouchedFor(prepared.maker(), type);
        OperationSnapshot created = commands.create(
                new NewOperation(
                        type,
                        reference(prepared),
                        subject(prepared),
                        InvocationChecks.amountOf(prepared.action(), prepared.input()),
                        attributes(prepared, null)),
                vouched);
        store.insert(stored(created.id(), prepared, targetId(prepared)), clock.instant());
        return commands.transition(created.id(), APPROVED, prepared.reason(), null, null, vouched);
    }

    /**
     * Applies a local invocation that needs no second person at once, in the caller's transaction: the handler
     * applies the effect first (or refuses it), then the operation is created directly in {@code applied} — or
     * {@code refused}, with the handler's reason — with one history entry that lists both moves (the maker's
     * approval and the catalog's outcome) and carries the applied changes in its attributes. Operations judges both
     * moves as it would judge them one by one; no entry, row update or event per move.
     */
    Started startApplied(Prepared prepared) {
        String type = prepared.operationType();
        Actor vouched = CatalogActor.vouchedFor(prepared.maker(), type);
        UUID id = UUID.randomUUID();
        var invocation = new Invocation(
                id, prepared.action().id(), prepared.target(), prepared.input(), prepared.reason(), prepared.maker());
        Applied applied = null;
        String refusal = null;
        try {
            applied = prepared.handler().apply(invocation, null);
        } catch (ActionRefused refused) {
            refusal = Objects.requireNonNullElse(refused.detail(), "refused");
        }
        String targetId = applied != null ? applied.targetId() : targetId(prepared);
        store.insert(stored(id, prepared, targetId), clock.instant());
        var outcome = applied != null
                ? new ImmediateMove(EffectApplier.APPLIED, CatalogActor.CATALOG, null)
                : new ImmediateMove(EffectApplier.REFUSED, CatalogActor.CATALOG, refusal);
        OperationSnapshot created = commands.createMoved(
                id,
                new NewOperation(
                        type,
                        reference(prepared),
                        subject(prepared),
                        InvocationChecks.amountOf(prepared.action(), prepared.input()),
                        attributes(prepared, applied)),
                List.of(new ImmediateMove(APPROVED, vouched, prepared.reason()), outcome),
                vouched);
        return new Started(created, targetId);
    }

    /** An invocation applied at once: its operation and the record it acted on (null when a creation refused). */
    record Started(OperationSnapshot operation, @Nullable String targetId) {}

    private static String reference(Prepared prepared) {
        return prepared.action().id() + "/" + UUID.randomUUID();
    }

    private static String subject(Prepared prepared) {
        ActionTarget target = prepared.target();
        if (target != null && target.subject() != null) {
            return target.subject();
        }
        return prepared.action().target() + ":" + (target == null ? "new" : target.id());
    }

    private static @Nullable String targetId(Prepared prepared) {
        return prepared.target() == null ? null : prepared.target().id();
    }

    private InvocationStore.Stored stored(UUID id, Prepared prepared, @Nullable String targetId) {
        return new InvocationStore.Stored(
                id,
                prepared.action().id(),
                String.valueOf(prepared.action().target()),
                targetId,
                json.writeValueAsString(prepared.inputJson()),
                prepared.reason(),
                prepared.maker(),
                prepared.requiredApprovals());
    }

    /** The operation's attributes: the action, the record, the input as text and, once applied, its changes. */
    private String attributes(Prepared prepared, @Nullable Applied applied) {
        ObjectNode attributes = json.createObjectNode();
        attributes.put("actionId", prepared.action().id());
        attributes.put("targetKind", prepared.action().target());
        if (prepared.target() != null) {
            attributes.put("targetId", prepared.target().id());
            attributes.put("targetIdentifier", prepared.target().identifier());
        }
        ObjectNode input = attributes.putObject("input");
        InputChecker.asText(prepared.input()).forEach(input::put);
        if (applied != null) {
            EffectApplier.putApplied(attributes, applied);
        }
        return json.writeValueAsString(attributes);
    }
}
