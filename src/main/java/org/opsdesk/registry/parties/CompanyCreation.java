package org.opsdesk.registry.parties;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.registry.validation.DocumentNumbers;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/** {@code company.create}: registers a company, its document checked (a CNPJ by its check digits). */
@Component
class CompanyCreation extends PartyCreation<Company> {

    private final CompanyStore companies;
    private final Clock clock;

    CompanyCreation(CompanyStore companies, Clock clock) {
        super("company");
        this.companies = companies;
        this.clock = clock;
    }

    @Override
    Company read(ActionInput input, String by) {
        var check = new FieldCheck();
        String name = check.take(() -> Texts.required("name", input.text("name").orElse(null), 200));
        String type = input.text("documentType").orElse("");
        String number = check.take(() -> DocumentNumbers.company(
                "documentType",
                type,
                "documentNumber",
                input.text("documentNumber")
                        .filter(text -> !text.isBlank())
                        .orElseThrow(() -> InvalidInput.of("documentNumber", "is required"))));
        String address =
                check.take(() -> Texts.optional("address", input.text("address").orElse(null), 500));
        String subject =
                check.take(() -> Texts.optional("subject", input.text("subject").orElse(null), 200));
        check.done();
        Instant now = clock.instant();
        return new Company(UUID.randomUUID(), name, type, number, address, subject, 1, now, by, now, by);
    }

    @Override
    boolean documentTaken(Company company) {
        return companies.documentTaken(company.documentType(), company.documentNumber());
    }

    @Override
    boolean insert(Company company) {
        return companies.insert(company);
    }
}
