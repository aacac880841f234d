package org.opsdesk.registry.parties;

import java.util.Map;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.records.Targets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persons and companies as the catalog sees them: identified by their document number (what an operator types to
 * confirm an irreversible action), always {@code active} while live.
 */
@Configuration(proxyBeanMethods = false)
class PartyTargets {

    @Bean
    ActionTargets personsAsTargets(PersonStore persons) {
        return Targets.of("person", id -> persons.find(id).map(PartyTargets::target));
    }

    @Bean
    ActionTargets companiesAsTargets(CompanyStore companies) {
        return Targets.of("company", id -> companies.find(id).map(PartyTargets::target));
    }

    static ActionTarget target(Person person) {
        return new ActionTarget(
                "person",
                person.id().toString(),
                person.documentNumber(),
                "active",
                person.subject(),
                Map.of("documentType", person.documentType(), "name", person.name()));
    }

    static ActionTarget target(Company company) {
        return new ActionTarget(
                "company",
                company.id().toString(),
                company.documentNumber(),
                "active",
                company.subject(),
                Map.of("documentType", company.documentType(), "name", company.name()));
    }
}
