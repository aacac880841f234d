package org.opsdesk.portal.registration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * Checks of what people type into the portal's forms. Any letters of any script are welcome in names; what is
 * refused is what no name contains and what breaks pages, logs or terminals: control characters, invisible
 * formatting (bidirectional overrides among them, while the joiners some scripts need stay allowed), unpaired
 * surrogates, private-use and unassigned code points, and the replacement character that stands for bytes which
 * were not UTF-8. Markup such as {@code <script>} is plain text: stored as typed and always shown escaped.
 */
final class TextChecks {

    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    static final int MAX_EMAIL = 254;

    private TextChecks() {}

    /** A required free text of at most {@code max} characters; returns it stripped, or records the error. */
    static String text(FieldErrors errors, String field, String typed, int max) {
        String value = typed.strip();
        if (value.isEmpty()) {
            errors.add(field, "portal.error.required");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.add(field, "portal.error.tooLong", max);
        } else if (!clean(value)) {
            errors.add(field, "portal.error.characters");
        }
        return value;
    }

    /** A person's or company's name: {@link #text} with at least one letter. */
    static String name(FieldErrors errors, String field, String typed, int max) {
        String value = text(errors, field, typed, max);
        if (!errors.has(field) && value.codePoints().noneMatch(Character::isLetter)) {
            errors.add(field, "portal.error.noLetter");
        }
        return value;
    }

    static String email(FieldErrors errors, String field, String typed) {
        String value = text(errors, field, typed, MAX_EMAIL);
        if (!errors.has(field) && !(EMAIL.matcher(value).matches() && strictAddress(value))) {
            errors.add(field, "portal.error.email");
        }
        return value;
    }

    /** A phone number in international form, returned as E.164 ({@code +48600100200}). */
    static String phone(FieldErrors errors, String field, String typed) {
        String value = text(errors, field, typed, 30);
        if (errors.has(field)) {
            return value;
        }
        String compact = value.replaceAll("[\\s\\-().]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!PHONE.matcher(compact).matches()) {
            errors.add(field, "portal.error.phone");
        }
        return compact;
    }

    /** Whether every code point is one a person can mean to type. */
    static boolean clean(String value) {
        return value.codePoints().allMatch(TextChecks::allowed);
    }

    private static boolean allowed(int codePoint) {
        if (codePoint == 0x200C || codePoint == 0x200D) {
            return true; // zero-width (non-)joiner: part of correct spelling in several scripts
        }
        if (codePoint == 0xFFFD) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean strictAddress(String value) {
        try {
            new InternetAddress(value, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
