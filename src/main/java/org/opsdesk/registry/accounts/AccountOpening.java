package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.PersonStore;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code account.open}: opens an active account for a live person or company. A company holds business accounts
 * only; a person a personal one, or a business one as a sole trader. The holder's data must be what an opening
 * needs: an address for both, and for a person a birth date showing they are of age (18).
 */
@Component
class AccountOpening extends RegistryAction {

    private final AccountRecords accounts;
    private final AccountNumbers numbers;
    private final PersonStore persons;
    private final CompanyStore companies;
    private final Clock clock;

    AccountOpening(
            AccountRecords accounts, AccountNumbers numbers, PersonStore persons, CompanyStore companies, Clock clock) {
        super("account.open");
        this.accounts = accounts;
        this.numbers = numbers;
        this.persons = persons;
        this.companies = companies;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        request(input);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        Request request;
        try {
            request = request(invocation.input());
        } catch (InvalidInput e) {
            throw new ActionRefused("the holder no longer qualifies: " + e.detail());
        }
        Instant now = clock.instant();
        String by = invocation.maker().principalKey();
        var account = new Account(
                UUID.randomUUID(),
                numbers.next(),
                request.holderKind(),
                request.holderId(),
                request.kind(),
                request.planCode(),
                Account.ACTIVE,
                1,
                20,
                request.subject(),
                1,
                now,
                by,
                now,
                by);
        accounts.insert(account);
        return new Applied(
                account.id().toString(),
                Map.of(
                        "number", account.number(),
                        "holder", account.holderKind() + ":" + account.holderId(),
                        "kind", account.kind(),
                        "status", account.status()));
    }

    private record Request(
            String holderKind, UUID holderId, String kind, @Nullable String planCode, @Nullable String subject) {}

    private Request request(ActionInput input) {
        var check = new FieldCheck();
        String holderKind = input.text("holderKind").orElse("");
        if (!holderKind.equals("person") && !holderKind.equals("company")) {
            check.refuse("holderKind", "must be one of person, company");
        }
        UUID holderId =
                check.take(() -> Texts.id("holderId", input.text("holderId").orElse(null)));
        String kind = input.text("kind").orElse("");
        if (!kind.equals("personal") && !kind.equals("business")) {
            check.refuse("kind", "must be one of personal, business");
        } else if (holderKind.equals("company") && kind.equals("personal")) {
            check.refuse("kind", "a company holds business accounts only");
        }
        String plan = check.take(
                () -> Texts.optional("planCode", input.text("planCode").orElse(null), 60));
        check.done();
        String subject = holderKind.equals("person") ? personSubject(holderId) : companySubject(holderId);
        return new Request(holderKind, holderId, kind, plan, subject);
    }

    private @Nullable String personSubject(UUID id) {
        var person = persons.find(id).orElseThrow(() -> InvalidInput.of("holderId", "no such person"));
        var check = new FieldCheck();
        if (person.address() == null) {
            check.refuse("holderId", "the person has no address: update it before opening an account");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (person.birthDate() == null) {
            check.refuse("holderId", "the person has no birth date: update it before opening an account");
        } else if (Period.between(person.birthDate(), today).getYears() < 18) {
            check.refuse("holderId", "the person is under 18");
        }
        check.done();
        return person.subject();
    }

    private @Nullable String companySubject(UUID id) {
        var company = companies.find(id).orElseThrow(() -> InvalidInput.of("holderId", "no such company"));
        if (company.address() == null) {
            throw InvalidInput.of("holderId", "the company has no address: update it before opening an account");
        }
        return company.subject();
    }
}
