package org.opsdesk.actions.invocation;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationSnapshot;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an approved invocation's effect, in the caller's transaction with the invocation's row locked: the record
 * is read again and must still allow the action, the handler applies it, its changes go into the operation's
 * attributes (so its history shows them) and the operation moves to {@code applied} — or to {@code refused}, with
 * the reason, when the record no longer allows it.
 */
@Component
class EffectApplier {

    static final String APPLIED = "applied";
    static final String REFUSED = "refused";

    private final ActionDeclarations declarations;
    private final InputChecker inputs;
    private final OperationCommands commands;
    private final InvocationStore store;
    private final JsonMapper json;
    private final org.opsdesk.operations.OperationQueries queries;

    EffectApplier(
            ActionDeclarations declarations,
            InputChecker inputs,
            OperationCommands commands,
            InvocationStore store,
            JsonMapper json,
            org.opsdesk.operations.OperationQueries queries) {
        this.queries = queries;
        this.declarations = declarations;
        this.inputs = inputs;
        this.commands = commands;
        this.store = store;
        this.json = json;
    }

    /** The invocation as its handler sees it now: the record read again (null when it is gone), the input typed. */
    @Nullable
    Invocation invocation(InvocationStore.Stored stored) {
        ActionDefinition action = declarations.find(stored.actionId()).orElseThrow();
        ActionInput input = inputs.check(action, json.readTree(stored.inputJson()));
        ActionTarget target = null;
        if (stored.targetId() != null) {
            target = declarations
                    .targets(stored.targetKind())
                    .flatMap(t -> t.find(stored.targetId(), CatalogActor.CATALOG))
                    .orElse(null);
            if (target == null) {
                return null;
            }
        }
        return new Invocation(stored.operationId(), stored.actionId(), target, input, stored.reason(), stored.maker());
    }

    /**
     * Applies and moves the operation; answers the operation after it.
     *
     * @param providerResult the provider's answer's body when it was asked, else null
     */
    OperationSnapshot apply(InvocationStore.Stored stored, @Nullable Map<String, Object> providerResult) {
        ActionDefinition action = declarations.find(stored.actionId()).orElseThrow();
        ActionHandler handler = declarations.handler(action.id());
        Invocation invocation = invocation(stored);
        if (invocation == null) {
            return refuse(stored, "the " + stored.targetKind() + " '" + stored.targetId() + "' no longer exists");
        }
        Applied applied;
        try {
            if (invocation.target() != null) {
                String unavailable =
                        InvocationChecks.unavailableBecause(action, handler, invocation.target(), stored.maker());
                if (unavailable != null) {
                    throw new ActionRefused(unavailable);
                }
            }
            applied = handler.apply(invocation, providerResult);
        } catch (ActionRefused refused) {
            return refuse(stored, Objects.requireNonNullElse(refused.detail(), "refused"));
        }
        if (stored.targetId() == null) {
            store.recordTarget(stored.operationId(), applied.targetId());
        }
        commands.editAttributes(
                stored.operationId(),
                current -> withApplied(current, applied),
                null,
                "the action's changes",
                null,
                null,
                CatalogActor.CATALOG);
        return move(stored, APPLIED, null);
    }

    String stageOf(java.util.UUID operationId) {
        return queries.get(operationId, CatalogActor.CATALOG).stage();
    }

    OperationSnapshot refuse(InvocationStore.Stored stored, String reason) {
        return move(stored, REFUSED, reason);
    }

    OperationSnapshot move(InvocationStore.Stored stored, String to, @Nullable String reason) {
        return commands.transition(stored.operationId(), to, reason, null, null, CatalogActor.CATALOG)
                .operation();
    }

    private String withApplied(String attributesJson, Applied applied) {
        ObjectNode attributes = (ObjectNode) json.readTree(attributesJson);
        putApplied(attributes, applied);
        return json.writeValueAsString((JsonNode) attributes);
    }

    /** What an applied effect adds to its operation's attributes: the record acted on and its changes, by field. */
    static void putApplied(ObjectNode attributes, Applied applied) {
        attributes.put("targetId", applied.targetId());
        ObjectNode changes = attributes.putObject("applied");
        new java.util.TreeMap<>(applied.changes()).forEach(changes::put);
    }
}
