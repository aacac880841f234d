package org.opsdesk.registry.parties;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.validation.DocumentNumbers;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/** {@code company.create}: registers a company, its document checked (a CNPJ by its check digits). */
@Component
class CompanyCreation extends RegistryAction {

    private final CompanyStore companies;
    private final Clock clock;

    CompanyCreation(CompanyStore companies, Clock clock) {
        super("company.create");
        this.companies = companies;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        var company = company(input, actor.principalKey());
        if (companies.documentTaken(company.documentType(), company.documentNumber())) {
            throw InvalidInput.of("documentNumber", "a company with this document is already registered");
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var company = company(invocation.input(), invocation.maker().principalKey());
        if (!companies.insert(company)) {
            throw new ActionRefused("a company with this document was registered meanwhile");
        }
        return new Applied(
                company.id().toString(),
                Map.of(
                        "name", company.name(),
                        "documentType", company.documentType(),
                        "documentNumber", company.documentNumber()));
    }

    private Company company(ActionInput input, String by) {
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
}
