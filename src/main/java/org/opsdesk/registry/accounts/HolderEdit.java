package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.Person;
import org.opsdesk.registry.parties.PersonStore;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.registry.validation.Amounts;
import org.opsdesk.registry.validation.Emails;
import org.opsdesk.registry.validation.Phones;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code account.edit-email}, {@code -phone}, {@code -name} and {@code -monthly-income}: one field of the account
 * holder's data, changed from the account's page. Email and phone are how an account is taken over (password
 * resets go there), so their declarations ask for four eyes. A company holder has a name only: the other three are
 * not offered on its accounts.
 */
class HolderEdit extends RegistryAction {

    private final String field;
    private final AccountRecords accounts;
    private final PersonStore persons;
    private final CompanyStore companies;
    private final Clock clock;

    HolderEdit(
            String field,
            String actionId,
            AccountRecords accounts,
            PersonStore persons,
            CompanyStore companies,
            Clock clock) {
        super(actionId);
        this.field = field;
        this.accounts = accounts;
        this.persons = persons;
        this.companies = companies;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        if (target.state().equals(Account.CANCELLED)) {
            return "the account is cancelled";
        }
        if (!field.equals("name") && "company".equals(target.facts().get("holderKind"))) {
            return "the holder is a company, which has no " + field + " in the registry";
        }
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        value(input);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        Object value = value(invocation.input());
        var account = accounts.lockUncancelled(targetId(invocation));
        var stamp = new Stamp(clock.instant(), invocation.maker().principalKey());
        if (account.holderKind().equals("company")) {
            if (!field.equals("name")) {
                throw new ActionRefused("the holder is a company, which has no " + field + " in the registry");
            }
            companies.lock(account.holderId()).orElseThrow(HolderEdit::holderGone);
            companies.rename(account.holderId(), (String) value, stamp);
        } else {
            editPerson(account.holderId(), value, stamp);
        }
        return new Applied(account.id().toString(), Map.of("holder." + field, value.toString()));
    }

    private void editPerson(UUID id, Object value, Stamp stamp) {
        var person = persons.lock(id).orElseThrow(HolderEdit::holderGone);
        var change =
                switch (field) {
                    case "name" -> new Person.PersonChange((String) value, null, null, null, null, null);
                    case "email" -> new Person.PersonChange(null, null, null, (String) value, null, null);
                    case "phone" -> new Person.PersonChange(null, null, null, null, (String) value, null);
                    default -> new Person.PersonChange(null, null, null, null, null, (org.opsdesk.shared.Money) value);
                };
        persons.update(person.with(change), stamp);
    }

    private Object value(ActionInput input) {
        return switch (field) {
            case "name" -> Texts.required("name", input.text("name").orElse(null), 200);
            case "email" -> Emails.parse("email", required(input, "email"));
            case "phone" -> Phones.parse("phone", required(input, "phone"));
            default ->
                Amounts.brl(
                        "monthlyIncome",
                        input.money("monthlyIncome")
                                .orElseThrow(() -> InvalidInput.of("monthlyIncome", "is required")));
        };
    }

    private static String required(ActionInput input, String field) {
        return input.text(field).filter(t -> !t.isBlank()).orElseThrow(() -> InvalidInput.of(field, "is required"));
    }

    private static ActionRefused holderGone() {
        return new ActionRefused("the account's holder was deleted");
    }

    @Configuration(proxyBeanMethods = false)
    static class Declared {

        @Bean
        HolderEdit accountEmailEdit(AccountRecords a, PersonStore p, CompanyStore c, Clock clock) {
            return new HolderEdit("email", "account.edit-email", a, p, c, clock);
        }

        @Bean
        HolderEdit accountPhoneEdit(AccountRecords a, PersonStore p, CompanyStore c, Clock clock) {
            return new HolderEdit("phone", "account.edit-phone", a, p, c, clock);
        }

        @Bean
        HolderEdit accountNameEdit(AccountRecords a, PersonStore p, CompanyStore c, Clock clock) {
            return new HolderEdit("name", "account.edit-name", a, p, c, clock);
        }

        @Bean
        HolderEdit accountIncomeEdit(AccountRecords a, PersonStore p, CompanyStore c, Clock clock) {
            return new HolderEdit("monthly income", "account.edit-monthly-income", a, p, c, clock);
        }
    }
}
