package org.opsdesk.registry.parties;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;

/**
 * What {@code person.create} and {@code company.create} do alike: the new party is read from the input (every field
 * checked), refused beside its document when a live party of its kind holds that document already, and inserted
 * unless a concurrent creation won the document meanwhile.
 */
abstract class PartyCreation<P extends Party> extends RegistryAction {

    private final String kind;

    /** @param kind {@code person} or {@code company}: the action is {@code <kind>.create} */
    PartyCreation(String kind) {
        super(kind + ".create");
        this.kind = kind;
    }

    /** The new party, as {@code by} registers it now. */
    abstract P read(ActionInput input, String by);

    /** Whether a live party of this kind has the document. */
    abstract boolean documentTaken(P party);

    /** Inserts the party; false when a live one has its document. */
    abstract boolean insert(P party);

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (documentTaken(read(input, actor.principalKey()))) {
            throw InvalidInput.of("documentNumber", "a " + kind + " with this document is already registered");
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        P party = read(invocation.input(), invocation.maker().principalKey());
        if (!insert(party)) {
            throw new ActionRefused("a " + kind + " with this document was registered meanwhile");
        }
        return new Applied(
                party.id().toString(),
                Map.of(
                        "name", party.name(),
                        "documentType", party.documentType(),
                        "documentNumber", party.documentNumber()));
    }
}
