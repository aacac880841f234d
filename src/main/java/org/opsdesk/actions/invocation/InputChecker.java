package org.opsdesk.actions.invocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionDefinition.Field;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.shared.Cnpj;
import org.opsdesk.shared.Cpf;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks an invocation's input against the action's declared fields — every field, so the caller hears of every
 * problem at once — and answers the typed values handlers read. Fields are named {@code input.<name>} in errors.
 */
@Component
class InputChecker {

    /** Text without control characters. */
    private static final Pattern NO_CONTROLS = Pattern.compile("[^\\p{Cntrl}]*");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,18})?");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9./-]{1,40}");
    private static final Pattern RANDOM_KEY =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A text field without a declared maximum holds at most this much. */
    static final int TEXT_MAX = 500;
    /** An upload without a declared maximum holds at most this many bytes. */
    static final long UPLOAD_MAX = 5L * 1024 * 1024;

    private final Currencies currencies;

    InputChecker(Currencies currencies) {
        this.currencies = currencies;
    }

    /**
     * The typed input.
     *
     * @param input the {@code input} object as sent (null or absent: no fields given)
     * @throws InvalidInput with every offending field
     */
    ActionInput check(ActionDefinition action, @Nullable JsonNode input) {
        var errors = new ArrayList<FieldError>();
        var values = new LinkedHashMap<String, Object>();
        if (input != null && !input.isNull() && !input.isObject()) {
            throw FieldReason.NOT_AN_OBJECT.refuse("input");
        }
        if (input != null && input.isObject()) {
            for (String name : input.propertyNames()) {
                if (action.field(name).isEmpty()) {
                    errors.addAll(FieldReason.UNKNOWN_FIELD
                            .refuse(
                                    "input." + name,
                                    action.id(),
                                    action.input().stream().map(Field::name).toList())
                            .errors());
                }
            }
        }
        for (Field field : action.input()) {
            JsonNode value = input == null ? null : input.get(field.name());
            String path = "input." + field.name();
            if (value == null
                    || value.isNull()
                    || value.isString() && value.asString().isBlank()) {
                if (field.required()) {
                    errors.addAll(FieldReason.REQUIRED.refuse(path).errors());
                }
                continue;
            }
            try {
                values.put(field.name(), value(path, field, value));
            } catch (InvalidInput invalid) {
                errors.addAll(invalid.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ActionInput(values);
    }

    private Object value(String path, Field field, JsonNode value) {
        return switch (field.type()) {
            case TEXT -> text(path, field, value);
            case EMAIL -> matching(path, text(path, field, value), EMAIL, FieldReason.EMAIL);
            case PHONE -> matching(path, text(path, field, value), PHONE, FieldReason.PHONE);
            case DOCUMENT_NUMBER -> matching(path, text(path, field, value), DOCUMENT, FieldReason.DOCUMENT_NUMBER);
            case INTEGER -> integer(path, field, value);
            case DECIMAL -> decimal(path, field, value);
            case MONEY -> money(path, field, value);
            case BOOLEAN -> flag(path, value);
            case DATE -> date(path, value);
            case ENUM -> choice(path, field, value);
            case UPLOAD -> upload(path, field, value);
            case CPF -> cpf(path, string(path, value));
            case CNPJ -> cnpj(path, string(path, value));
            case PIX_KEY -> pixKey(path, string(path, value));
        };
    }

    private static String string(String path, JsonNode value) {
        if (!value.isString()) {
            throw FieldReason.NOT_TEXT.refuse(path);
        }
        return value.asString().strip();
    }

    private static String text(String path, Field field, JsonNode value) {
        String text = string(path, value);
        int max = field.maxLength() == null ? TEXT_MAX : field.maxLength();
        if (text.codePointCount(0, text.length()) > max) {
            throw FieldReason.TOO_LONG.refuse(path, max);
        }
        if (field.minLength() != null && text.codePointCount(0, text.length()) < field.minLength()) {
            throw FieldReason.TOO_SHORT.refuse(path, field.minLength());
        }
        if (!NO_CONTROLS.matcher(text).matches()) {
            throw FieldReason.CONTROL_CHARACTERS.refuse(path);
        }
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            throw FieldReason.PATTERN.refuse(path, field.pattern());
        }
        return text;
    }

    private static String matching(String path, String text, Pattern pattern, FieldReason otherwise) {
        if (!pattern.matcher(text).matches()) {
            throw otherwise.refuse(path);
        }
        return text;
    }

    private static Long integer(String path, Field field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw FieldReason.WHOLE_NUMBER.refuse(path);
        }
        long number = value.longValue();
        inRange(path, field, BigDecimal.valueOf(number));
        return number;
    }

    private static BigDecimal decimal(String path, Field field, JsonNode value) {
        String text = value.isString() ? value.asString() : value.isNumber() ? value.asString() : "";
        if (!DECIMAL.matcher(text).matches()) {
            throw FieldReason.DECIMAL.refuse(path);
        }
        BigDecimal number = new BigDecimal(text);
        inRange(path, field, number);
        return number;
    }

    private Money money(String path, Field field, JsonNode value) {
        if (!value.isObject()
                || !value.path("value").isString()
                || !value.path("currency").isString()) {
            throw FieldReason.MONEY.refuse(path);
        }
        for (String name : value.propertyNames()) {
            if (!name.equals("value") && !name.equals("currency")) {
                throw FieldReason.MONEY_FIELD.refuse(path + "." + name);
            }
        }
        String currency = value.get("currency").asString();
        if (!field.currencies().isEmpty() && !field.currencies().contains(currency)) {
            throw FieldReason.ONE_OF.refuse(path + ".currency", field.currencies());
        }
        Money money;
        try {
            money = currencies.parse(path, value.get("value").asString(), currency);
        } catch (InvalidInput refused) {
            throw FieldReason.AMOUNT.keyed(refused);
        }
        inRange(path + ".value", field, money.amount());
        return money;
    }

    private static void inRange(String path, Field field, BigDecimal number) {
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw FieldReason.BELOW_MINIMUM.refuse(path, field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw FieldReason.ABOVE_MAXIMUM.refuse(path, field.max().toPlainString());
        }
    }

    private static Boolean flag(String path, JsonNode value) {
        if (!value.isBoolean()) {
            throw FieldReason.BOOLEAN.refuse(path);
        }
        return value.booleanValue();
    }

    private static LocalDate date(String path, JsonNode value) {
        String text = string(path, value);
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw FieldReason.DATE.refuse(path);
        }
    }

    private static String choice(String path, Field field, JsonNode value) {
        String text = string(path, value);
        if (!field.values().contains(text)) {
            throw FieldReason.ONE_OF.refuse(path, field.values());
        }
        return text;
    }

    private static ActionInput.Upload upload(String path, Field field, JsonNode value) {
        if (!value.isObject()
                || !value.path("fileName").isString()
                || !value.path("content").isString()) {
            throw FieldReason.UPLOAD.refuse(path);
        }
        String fileName = value.get("fileName").asString().strip();
        if (fileName.isEmpty()
                || fileName.length() > 200
                || !NO_CONTROLS.matcher(fileName).matches()
                || fileName.contains("/")
                || fileName.contains("\\")) {
            throw FieldReason.FILE_NAME.refuse(path + ".fileName");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(value.get("content").asString());
        } catch (IllegalArgumentException e) {
            throw FieldReason.BASE64.refuse(path + ".content");
        }
        return checkedUpload(path, field, fileName, content);
    }

    /** An uploaded file within its size, its type sniffed from its bytes and among the declared ones. */
    static ActionInput.Upload checkedUpload(String path, Field field, String fileName, byte[] content) {
        long max = field.maxBytes() == null ? UPLOAD_MAX : field.maxBytes();
        if (content.length == 0) {
            throw FieldReason.EMPTY_FILE.refuse(path);
        }
        if (content.length > max) {
            throw FieldReason.FILE_TOO_LARGE.refuse(path, max);
        }
        String type = ContentSniffer.typeOf(content);
        if (type == null || !field.contentTypes().contains(type)) {
            throw FieldReason.CONTENT_TYPE.refuse(path, field.contentTypes());
        }
        return new ActionInput.Upload(fileName, type, content);
    }

    private static String pixKey(String path, String key) {
        if (EMAIL.matcher(key).matches() && key.length() <= 77
                || PHONE.matcher(key).matches()
                || RANDOM_KEY.matcher(key).matches()) {
            return key;
        }
        String digits = key.replaceAll("[.\\-/\\s]", "");
        if (digits.length() == 11) {
            return cpf(path, digits);
        }
        if (digits.length() == 14) {
            return cnpj(path, digits);
        }
        throw FieldReason.PIX_KEY.refuse(path);
    }

    private static String cpf(String path, String text) {
        try {
            return Cpf.parse(path, text).value();
        } catch (InvalidInput refused) {
            throw FieldReason.CPF.keyed(refused);
        }
    }

    private static String cnpj(String path, String text) {
        try {
            return Cnpj.parse(path, text).value();
        } catch (InvalidInput refused) {
            throw FieldReason.CNPJ.keyed(refused);
        }
    }

    /** The input as text values for the operation's attributes: never an upload's bytes. */
    static Map<String, String> asText(ActionInput input) {
        var text = new LinkedHashMap<String, String>();
        input.values().forEach((name, value) -> text.put(name, asText(value)));
        return text;
    }

    private static String asText(Object value) {
        if (value instanceof Money money) {
            return money.toString();
        }
        if (value instanceof ActionInput.Upload upload) {
            return upload.fileName() + " (" + upload.contentType() + ", " + upload.content().length + " bytes)";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }
}
