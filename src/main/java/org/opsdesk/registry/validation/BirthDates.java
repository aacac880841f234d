package org.opsdesk.registry.validation;

import java.time.LocalDate;
import org.opsdesk.shared.InvalidInput;

/** A person's birth date: in the past (of the injected clock's today) and not before 1900. */
public final class BirthDates {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private BirthDates() {}

    public static LocalDate check(String field, LocalDate date, LocalDate today) {
        if (!date.isBefore(today)) {
            throw InvalidInput.of(field, "must be in the past");
        }
        if (date.isBefore(EARLIEST)) {
            throw InvalidInput.of(field, "must not be before 1900-01-01");
        }
        return date;
    }
}
