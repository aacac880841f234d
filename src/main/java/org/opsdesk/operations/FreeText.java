package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/**
 * The one rule for the free text people attach to operations — reasons and comments — which reaches the history,
 * webhooks and client emails. The facades apply it to every caller (the API, the console's detail page, bulk
 * actions, approvals); the API's request records name the same limits so a bad body is refused before it gets
 * here. A refusal is {@link InvalidInput} naming the field, which the console words in the operator's language
 * ({@code detail.invalid.<field>}).
 */
public final class FreeText {

    /** The longest reason, in characters. */
    public static final int REASON_MAX = 2000;
    /** The longest comment, in characters. */
    public static final int COMMENT_MAX = 4000;
    /** A reason: one line of printable text, no control characters at all. */
    public static final String REASON_PATTERN = "[^\\p{Cntrl}]*";
    /** A comment: line breaks and tabs allowed, other control characters (NUL among them) not. */
    public static final String COMMENT_PATTERN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private FreeText() {}

    /** A reason as given, or the refusal naming {@code reason}; null and blank pass (the workflow asks for one). */
    public static @Nullable String reason(@Nullable String text) {
        return check("reason", text, REASON_MAX, false);
    }

    /** A comment as given, or the refusal naming {@code field}; null and blank pass. */
    public static @Nullable String comment(String field, @Nullable String text) {
        return check(field, text, COMMENT_MAX, true);
    }

    private static @Nullable String check(String field, @Nullable String text, int max, boolean multiline) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw InvalidInput.of(field, "must be at most " + max + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && !(multiline && isLineBreakOrTab(c)))) {
            throw InvalidInput.of(
                    field,
                    multiline ? "no control characters other than line breaks and tabs" : "no control characters");
        }
        return text;
    }

    private static boolean isLineBreakOrTab(int c) {
        return c == '\n' || c == '\r' || c == '\t';
    }
}
