package org.opsdesk.exports.csv;

import org.jspecify.annotations.Nullable;

/**
 * Keeps spreadsheets from running what people typed: a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula (CSV
 * injection, OWASP), so it gets a leading apostrophe, which they show as text. Applied to the text cells that come
 * from people and integrations (reference, subject, assignee, attributes); the amount is a number Opsdesk formats
 * itself ({@code -12.50} must stay a negative number) and the codes and times cannot start with those characters.
 */
final class FormulaGuard {

    private FormulaGuard() {}

    static String cell(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
