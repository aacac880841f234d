package org.opsdesk.actions.invocation;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/**
 * Why the catalog refused a field of an invocation: the English text the API answers with (a format of the
 * arguments, unchanged from before the reasons had keys) and the message key the console shows in the operator's
 * language ({@code action.form.error.<code>}, a {@link java.text.MessageFormat} of the same arguments). Public for
 * the test that checks every key in the four bundles; internal to the catalog otherwise.
 */
public enum FieldReason {
    NOT_AN_OBJECT("must be an object of the action's fields"),
    /** Arguments: the action's id, its field names. */
    UNKNOWN_FIELD("unknown field: %s takes %s"),
    REQUIRED("required"),
    REASON_REQUIRED("required: say why the action is taken"),
    /** Arguments: the record's identifier, its kind. */
    CONFIRM("this action cannot be undone: type the %2$s's identifier '%1$s' to confirm"),
    NOT_TEXT("must be a string"),
    /** Argument: the maximum. */
    TOO_LONG("at most %s characters"),
    /** Argument: the minimum. */
    TOO_SHORT("at least %s characters"),
    CONTROL_CHARACTERS("no control characters"),
    /** Argument: the declared pattern. */
    PATTERN("must match %s"),
    EMAIL("must be an email address such as ana@example.com"),
    PHONE("must be a phone number in E.164, such as +5511987654321"),
    DOCUMENT_NUMBER("must be letters, digits, '.', '/' or '-'"),
    WHOLE_NUMBER("must be a whole number"),
    DECIMAL("must be a decimal such as \"12.50\""),
    MONEY("must be {\"value\": \"125.50\", \"currency\": \"BRL\"}"),
    MONEY_FIELD("unknown field: money has value and currency"),
    /** Argument: the values allowed. */
    ONE_OF("must be one of %s"),
    /** Argument: the minimum. */
    BELOW_MINIMUM("must be at least %s"),
    /** Argument: the maximum. */
    ABOVE_MAXIMUM("must be at most %s"),
    BOOLEAN("must be true or false"),
    DATE("must be a date written yyyy-mm-dd"),
    UPLOAD("must be {\"fileName\": \"…\", \"content\": \"<base64>\"}"),
    FILE_NAME("1 to 200 characters, no path or control characters"),
    BASE64("must be base64"),
    EMPTY_FILE("the file is empty"),
    /** Argument: the maximum size in bytes. */
    FILE_TOO_LARGE("at most %s bytes"),
    /** Argument: the content types allowed. */
    CONTENT_TYPE("must be one of %s (judged by the file's content)"),
    PIX_KEY("must be a CPF, a CNPJ, an email, a phone in E.164 or a random key (UUID)"),
    /** Worded by the shared CPF check; keyed here. */
    CPF(null),
    /** Worded by the shared CNPJ check; keyed here. */
    CNPJ(null),
    /** Worded by the shared money check (currency, decimals, sign); keyed here. */
    AMOUNT(null);

    private final @Nullable String english;

    FieldReason(@Nullable String english) {
        this.english = english;
    }

    /** The key of the operator's-language text. */
    public String messageKey() {
        return "action.form.error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The refusal of this field for this reason, with its arguments (as text: no locale formats numbers). */
    InvalidInput refuse(String field, Object... arguments) {
        var texts = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
        String message = String.format(Locale.ROOT, java.util.Objects.requireNonNull(english), texts.toArray());
        return new InvalidInput(List.of(error(field, message, texts)));
    }

    /** A shared check's refusal (worded by it, as the API has always answered) given this reason's key. */
    InvalidInput keyed(InvalidInput refused) {
        return new InvalidInput(refused.errors().stream()
                .map(e -> error(e.field(), e.message(), List.of()))
                .toList());
    }

    private FieldError error(String field, String message, List<String> arguments) {
        return new FieldError(field, message, messageKey(), arguments);
    }
}
