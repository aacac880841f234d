package org.opsdesk.actions.invocation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

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
        ActionTarget target = prepared.target();
        String kind = String.valueOf(prepared.action().target());
        String subject = target != null && target.subject() != null
                ? target.subject()
                : kind + ":" + (target == null ? "new" : target.id());
        OperationSnapshot created = commands.create(
                new NewOperation(
                        type,
                        prepared.action().id() + "/" + UUID.randomUUID(),
                        subject,
                        InvocationChecks.amountOf(prepared.action(), prepared.input()),
                        attributes(prepared)),
                vouched);
        store.insert(
                new InvocationStore.Stored(
                        created.id(),
                        prepared.action().id(),
                        kind,
                        target == null ? null : target.id(),
                        json.writeValueAsString(prepared.inputJson()),
                        prepared.reason(),
                        prepared.maker(),
                        prepared.requiredApprovals()),
                clock.instant());
        return commands.transition(created.id(), APPROVED, prepared.reason(), null, null, vouched);
    }

    private String attributes(Prepared prepared) {
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("actionId", prepared.action().id());
        attributes.put("targetKind", prepared.action().target());
        if (prepared.target() != null) {
            attributes.put("targetId", prepared.target().id());
            attributes.put("targetIdentifier", prepared.target().identifier());
        }
        attributes.put("input", InputChecker.asText(prepared.input()));
        return json.writeValueAsString(attributes);
    }
}
