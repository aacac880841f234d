package org.opsdesk.shared;

import org.jspecify.annotations.Nullable;

/**
 * Keeps spreadsheets from running what people typed: a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula (CSV
 * injection, OWASP), so it gets a leading apostrophe, which they show as text. Every CSV Opsdesk writes (the
 * operations export, payout files) applies it to the text cells that come from people and integrations (reference,
 * subject, names, remittance text); amounts are numbers Opsdesk formats itself ({@code -12.50} must stay a negative
 * number) and codes and times cannot start with those characters.
 */
public final class FormulaGuard {

    private FormulaGuard() {}

    /** The text as a spreadsheet cell shows it: with a leading apostrophe when it would start a formula. */
    public static String cell(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
