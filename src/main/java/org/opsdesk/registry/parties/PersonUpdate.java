package org.opsdesk.registry.parties;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/** {@code person.update}: changes a person's name, birth date, address, email, phone or income (not the document). */
@Component
class PersonUpdate extends RegistryAction {

    private final PersonStore persons;
    private final Clock clock;

    PersonUpdate(PersonStore persons, Clock clock) {
        super("person.update");
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        PersonInput.update(input, clock);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var change = PersonInput.update(invocation.input(), clock);
        var person = persons.lock(targetId(invocation))
                .orElseThrow(() -> new ActionRefused("the person was deleted meanwhile"));
        persons.update(
                person.with(change),
                new Stamp(clock.instant(), invocation.maker().principalKey()));
        return new Applied(person.id().toString(), changes(change));
    }

    /** The changed fields as the history shows them. */
    static Map<String, String> changes(Person.PersonChange change) {
        var changes = new LinkedHashMap<String, String>();
        put(changes, "name", change.name());
        put(changes, "birthDate", change.birthDate());
        put(changes, "address", change.address());
        put(changes, "email", change.email());
        put(changes, "phone", change.phone());
        put(changes, "monthlyIncome", change.monthlyIncome());
        return changes;
    }

    private static void put(Map<String, String> changes, String field, @Nullable Object value) {
        if (value != null) {
            changes.put(field, value.toString());
        }
    }
}
