package org.opsdesk.registry.parties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.registry.validation.Amounts;
import org.opsdesk.registry.validation.BirthDates;
import org.opsdesk.registry.validation.DocumentNumbers;
import org.opsdesk.registry.validation.Emails;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Phones;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.InvalidInput;

/** Reads a person's fields from an action's input, reporting every bad field at once. */
final class PersonInput {

    private PersonInput() {}

    /** The person {@code person.create} would store. */
    static Person newPerson(ActionInput input, Clock clock, String by) {
        var check = new FieldCheck();
        String name = check.take(() -> Texts.required("name", input.text("name").orElse(null), 200));
        String type = input.text("documentType").orElse("");
        String number = check.take(() ->
                DocumentNumbers.person("documentType", type, "documentNumber", required(input, "documentNumber")));
        var change = change(input, clock, check);
        String subject =
                check.take(() -> Texts.optional("subject", input.text("subject").orElse(null), 200));
        check.done();
        Instant now = clock.instant();
        return new Person(
                UUID.randomUUID(),
                name,
                type,
                number,
                change.birthDate(),
                change.address(),
                change.email(),
                change.phone(),
                change.monthlyIncome(),
                subject,
                1,
                now,
                by,
                now,
                by);
    }

    /** The changes {@code person.update} would make; at least one field is required. */
    static Person.PersonChange update(ActionInput input, Clock clock) {
        var check = new FieldCheck();
        String name = check.take(() -> Texts.optional("name", input.text("name").orElse(null), 200));
        var change = change(input, clock, check);
        check.done();
        var update = new Person.PersonChange(
                name, change.birthDate(), change.address(), change.email(), change.phone(), change.monthlyIncome());
        if (update.equals(new Person.PersonChange(null, null, null, null, null, null))) {
            throw InvalidInput.of("name", "give at least one field to change");
        }
        return update;
    }

    /** The optional contact fields shared by creation and update (name left null). */
    private static Person.PersonChange change(ActionInput input, Clock clock, FieldCheck check) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        var birthDate = input.date("birthDate")
                .map(date -> check.take(() -> BirthDates.check("birthDate", date, today)))
                .orElse(null);
        var address =
                check.take(() -> Texts.optional("address", input.text("address").orElse(null), 500));
        var email = input.text("email")
                .map(text -> check.take(() -> Emails.parse("email", text)))
                .orElse(null);
        var phone = input.text("phone")
                .map(text -> check.take(() -> Phones.parse("phone", text)))
                .orElse(null);
        var income = input.money("monthlyIncome")
                .map(money -> check.take(() -> Amounts.brl("monthlyIncome", money)))
                .orElse(null);
        return new Person.PersonChange(null, birthDate, address, email, phone, income);
    }

    private static String required(ActionInput input, String field) {
        return input.text(field)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> InvalidInput.of(field, "is required"));
    }
}
