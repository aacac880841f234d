package org.opsdesk.registry.parties;

import java.time.Clock;
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
import org.springframework.stereotype.Component;

/** {@code person.create}: registers a natural person, their document checked (a CPF by its check digits). */
@Component
class PersonCreation extends RegistryAction {

    private final PersonStore persons;
    private final Clock clock;

    PersonCreation(PersonStore persons, Clock clock) {
        super("person.create");
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        var person = PersonInput.newPerson(input, clock, actor.principalKey());
        if (persons.documentTaken(person.documentType(), person.documentNumber())) {
            throw InvalidInput.of("documentNumber", "a person with this document is already registered");
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var person = PersonInput.newPerson(
                invocation.input(), clock, invocation.maker().principalKey());
        if (!persons.insert(person)) {
            throw new ActionRefused("a person with this document was registered meanwhile");
        }
        return new Applied(
                person.id().toString(),
                Map.of(
                        "name", person.name(),
                        "documentType", person.documentType(),
                        "documentNumber", person.documentNumber()));
    }
}
