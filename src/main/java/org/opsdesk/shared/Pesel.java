package org.opsdesk.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A Polish personal identification number (PESEL): eleven digits, the date of birth in the first six (the month
 * carries the century: +80 for the 1800s, +0 for the 1900s, +20 for the 2000s, +40 for the 2100s, +60 for the
 * 2200s), and a check digit with the weights 1-3-7-9 repeated.
 */
public record Pesel(String value) {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    public Pesel {
        if (!value.matches("\\d{11}") || checkDigit(value) != value.charAt(10) - '0' || birthDateOf(value) == null) {
            throw new IllegalArgumentException("not a valid PESEL");
        }
    }

    /**
     * Parses what a person typed (spaces dropped).
     *
     * @throws InvalidInput naming {@code field}: not eleven digits, a wrong check digit, or no real date in it
     */
    public static Pesel parse(String field, String typed) {
        String digits = typed.replace(" ", "");
        if (!digits.matches("\\d{11}")) {
            throw InvalidInput.of(field, "must be 11 digits");
        }
        if (checkDigit(digits) != digits.charAt(10) - '0') {
            throw InvalidInput.of(field, "is not a valid PESEL: the check digit does not match (a typo?)");
        }
        if (birthDateOf(digits) == null) {
            throw InvalidInput.of(field, "is not a valid PESEL: its first six digits are not a date");
        }
        return new Pesel(digits);
    }

    /** The date of birth the number encodes. */
    public LocalDate birthDate() {
        LocalDate date = birthDateOf(value);
        if (date == null) {
            throw new IllegalStateException("checked at construction");
        }
        return date;
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }

    private static @Nullable LocalDate birthDateOf(String digits) {
        int year = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        int century = 1900;
        if (month > 80) {
            century = 1800;
            month -= 80;
        } else if (month > 60) {
            century = 2200;
            month -= 60;
        } else if (month > 40) {
            century = 2100;
            month -= 40;
        } else if (month > 20) {
            century = 2000;
            month -= 20;
        }
        try {
            return LocalDate.of(century + year, month, day);
        } catch (DateTimeException notADate) {
            return null;
        }
    }
}
