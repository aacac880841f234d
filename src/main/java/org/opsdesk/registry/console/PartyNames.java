package org.opsdesk.registry.console;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.parties.Company;
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.Person;
import org.opsdesk.registry.parties.PersonStore;
import org.springframework.stereotype.Component;

/** A person or company as the record pages link to it: its page, name and document (absent once deleted). */
@Component
class PartyNames {

    /** A party; {@code name} and {@code documentNumber} are null when it was deleted. */
    record Party(String kind, UUID id, @Nullable String name, @Nullable String documentNumber) {

        /** Its record page. */
        public String href() {
            return (kind.equals("person") ? "/persons/" : "/companies/") + id;
        }
    }

    private final PersonStore persons;
    private final CompanyStore companies;

    PartyNames(PersonStore persons, CompanyStore companies) {
        this.persons = persons;
        this.companies = companies;
    }

    Party of(String kind, UUID id) {
        if (kind.equals("person")) {
            var person = persons.find(id);
            return new Party(
                    kind,
                    id,
                    person.map(Person::name).orElse(null),
                    person.map(Person::documentNumber).orElse(null));
        }
        var company = companies.find(id);
        return new Party(
                kind,
                id,
                company.map(Company::name).orElse(null),
                company.map(Company::documentNumber).orElse(null));
    }

    Optional<Person> person(UUID id) {
        return persons.find(id);
    }

    Optional<Company> company(UUID id) {
        return companies.find(id);
    }
}
