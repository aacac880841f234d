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
            throw InvalidInput.of("input", "must be an object of the action's fields");
        }
        if (input != null && input.isObject()) {
            for (String name : input.propertyNames()) {
                if (action.field(name).isEmpty()) {
                    errors.add(new FieldError(
                            "input." + name,
                            "unknown field: " + action.id() + " takes "
                                    + action.input().stream().map(Field::name).toList()));
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
                    errors.add(new FieldError(path, "required"));
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
            case EMAIL -> matching(path, text(path, field, value), EMAIL, "an email address such as ana@example.com");
            case PHONE ->
                matching(path, text(path, field, value), PHONE, "a phone number in E.164, such as +5511987654321");
            case DOCUMENT_NUMBER ->
                matching(path, text(path, field, value), DOCUMENT, "letters, digits, '.', '/' or '-'");
            case INTEGER -> integer(path, field, value);
            case DECIMAL -> decimal(path, field, value);
            case MONEY -> money(path, field, value);
            case BOOLEAN -> flag(path, value);
            case DATE -> date(path, value);
            case ENUM -> choice(path, field, value);
            case UPLOAD -> upload(path, field, value);
            case CPF -> Cpf.parse(path, string(path, value)).value();
            case CNPJ -> Cnpj.parse(path, string(path, value)).value();
            case PIX_KEY -> pixKey(path, string(path, value));
        };
    }

    private static String string(String path, JsonNode value) {
        if (!value.isString()) {
            throw InvalidInput.of(path, "must be a string");
        }
        return value.asString().strip();
    }

    private static String text(String path, Field field, JsonNode value) {
        String text = string(path, value);
        int max = field.maxLength() == null ? TEXT_MAX : field.maxLength();
        if (text.codePointCount(0, text.length()) > max) {
            throw InvalidInput.of(path, "at most " + max + " characters");
        }
        if (field.minLength() != null && text.codePointCount(0, text.length()) < field.minLength()) {
            throw InvalidInput.of(path, "at least " + field.minLength() + " characters");
        }
        if (!NO_CONTROLS.matcher(text).matches()) {
            throw InvalidInput.of(path, "no control characters");
        }
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            throw InvalidInput.of(path, "must match " + field.pattern());
        }
        return text;
    }

    private static String matching(String path, String text, Pattern pattern, String what) {
        if (!pattern.matcher(text).matches()) {
            throw InvalidInput.of(path, "must be " + what);
        }
        return text;
    }

    private static Long integer(String path, Field field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw InvalidInput.of(path, "must be a whole number");
        }
        long number = value.longValue();
        inRange(path, field, BigDecimal.valueOf(number));
        return number;
    }

    private static BigDecimal decimal(String path, Field field, JsonNode value) {
        String text = value.isString() ? value.asString() : value.isNumber() ? value.asString() : "";
        if (!DECIMAL.matcher(text).matches()) {
            throw InvalidInput.of(path, "must be a decimal such as \"12.50\"");
        }
        BigDecimal number = new BigDecimal(text);
        inRange(path, field, number);
        return number;
    }

    private Money money(String path, Field field, JsonNode value) {
        if (!value.isObject()
                || !value.path("value").isString()
                || !value.path("currency").isString()) {
            throw InvalidInput.of(path, "must be {\"value\": \"125.50\", \"currency\": \"BRL\"}");
        }
        for (String name : value.propertyNames()) {
            if (!name.equals("value") && !name.equals("currency")) {
                throw InvalidInput.of(path + "." + name, "unknown field: money has value and currency");
            }
        }
        String currency = value.get("currency").asString();
        if (!field.currencies().isEmpty() && !field.currencies().contains(currency)) {
            throw InvalidInput.of(path + ".currency", "must be one of " + field.currencies());
        }
        Money money = currencies.parse(path, value.get("value").asString(), currency);
        inRange(path + ".value", field, money.amount());
        return money;
    }

    private static void inRange(String path, Field field, BigDecimal number) {
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw InvalidInput.of(path, "must be at least " + field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw InvalidInput.of(path, "must be at most " + field.max().toPlainString());
        }
    }

    private static Boolean flag(String path, JsonNode value) {
        if (!value.isBoolean()) {
            throw InvalidInput.of(path, "must be true or false");
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
            throw InvalidInput.of(path, "must be a date written yyyy-mm-dd");
        }
    }

    private static String choice(String path, Field field, JsonNode value) {
        String text = string(path, value);
        if (!field.values().contains(text)) {
            throw InvalidInput.of(path, "must be one of " + field.values());
        }
        return text;
    }

    private static ActionInput.Upload upload(String path, Field field, JsonNode value) {
        if (!value.isObject()
                || !value.path("fileName").isString()
                || !value.path("content").isString()) {
            throw InvalidInput.of(path, "must be {\"fileName\": \"…\", \"content\": \"<base64>\"}");
        }
        String fileName = value.get("fileName").asString().strip();
        if (fileName.isEmpty()
                || fileName.length() > 200
                || !NO_CONTROLS.matcher(fileName).matches()
                || fileName.contains("/")
                || fileName.contains("\\")) {
            throw InvalidInput.of(path + ".fileName", "1 to 200 characters, no path or control characters");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(value.get("content").asString());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(path + ".content", "must be base64");
        }
        return checkedUpload(path, field, fileName, content);
    }

    /** An uploaded file within its size, its type sniffed from its bytes and among the declared ones. */
    static ActionInput.Upload checkedUpload(String path, Field field, String fileName, byte[] content) {
        long max = field.maxBytes() == null ? UPLOAD_MAX : field.maxBytes();
        if (content.length == 0) {
            throw InvalidInput.of(path, "the file is empty");
        }
        if (content.length > max) {
            throw InvalidInput.of(path, "at most " + max + " bytes");
        }
        String type = ContentSniffer.typeOf(content);
        if (type == null || !field.contentTypes().contains(type)) {
            throw InvalidInput.of(path, "must be one of " + field.contentTypes() + " (judged by the file's content)");
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
            return Cpf.parse(path, digits).value();
        }
        if (digits.length() == 14) {
            return Cnpj.parse(path, digits).value();
        }
        throw InvalidInput.of(path, "must be a CPF, a CNPJ, an email, a phone in E.164 or a random key (UUID)");
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
