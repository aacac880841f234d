package org.opsdesk.banking.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds ISO 11649 creditor references ({@code RF} + two check digits + 1 to 21 letters and digits) in a payment's
 * remittance text as people and banks really write them: in any case, grouped by spaces, broken over lines (MT940
 * {@code :86:} and camt {@code Ustrd} lines are cut at 35 or 140 characters, often mid-reference). White space is
 * dropped before looking, so a reference may run into the next word: every length whose check digits hold is a
 * candidate (a wrong one passes by chance 1 time in 97), and only a candidate that is some order's reference counts.
 */
final class RemittanceReferences {

    private static final int MAX_BODY = 21;

    private RemittanceReferences() {}

    /** A candidate reference and the text it was read from, as written (spaces and line breaks kept). */
    record Found(String reference, String asWritten) {}

    /** Every candidate in the text, in order of appearance, each once. */
    static List<Found> in(String text) {
        var compact = new StringBuilder(text.length());
        var origin = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                origin[compact.length()] = i;
                compact.append(Character.toUpperCase(c));
            }
        }
        Map<String, Found> found = new LinkedHashMap<>();
        String upper = compact.toString().toUpperCase(Locale.ROOT);
        for (int at = upper.indexOf("RF"); at >= 0; at = upper.indexOf("RF", at + 1)) {
            for (String reference : startingAt(upper, at)) {
                int end = at + reference.length() - 1;
                found.putIfAbsent(reference, new Found(reference, text.substring(origin[at], origin[end] + 1)));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The references starting at {@code at} whose check digits hold, shortest first. */
    private static List<String> startingAt(String text, int at) {
        if (at + 5 > text.length() || !isDigit(text.charAt(at + 2)) || !isDigit(text.charAt(at + 3))) {
            return List.of();
        }
        // ISO 7064 MOD 97-10 over body + "RF" + check digits, computed as the body grows one character at a time
        int tail = (27 * 100 + 15) * 100 + Integer.parseInt(text.substring(at + 2, at + 4));
        var references = new ArrayList<String>(2);
        int body = 0;
        for (int end = at + 4; end < text.length() && end < at + 4 + MAX_BODY; end++) {
            char c = text.charAt(end);
            if (!isDigit(c) && (c < 'A' || c > 'Z')) {
                break;
            }
            int value = Character.getNumericValue(c);
            body = (body * (value < 10 ? 10 : 100) + value) % 97;
            if ((body * 1_000_000L + tail) % 97 == 1) {
                references.add(text.substring(at, end + 1));
            }
        }
        return references;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
