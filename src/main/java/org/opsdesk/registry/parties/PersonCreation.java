package org.opsdesk.registry.parties;

import java.time.Clock;
import org.opsdesk.actions.ActionInput;
import org.springframework.stereotype.Component;

/** {@code person.create}: registers a natural person, their document checked (a CPF by its check digits). */
@Component
class PersonCreation extends PartyCreation<Person> {

    private final PersonStore persons;
    private final Clock clock;

    PersonCreation(PersonStore persons, Clock clock) {
        super("person");
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    Person read(ActionInput input, String by) {
        return PersonInput.newPerson(input, clock, by);
    }

    @Override
    boolean documentTaken(Person person) {
        return persons.documentTaken(person.documentType(), person.documentNumber());
    }

    @Override
    boolean insert(Person person) {
        return persons.insert(person);
    }
}
