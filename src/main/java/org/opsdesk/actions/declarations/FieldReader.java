package org.opsdesk.actions.declarations;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition.Field;
import org.opsdesk.actions.ActionDefinition.FieldType;
import org.opsdesk.shared.Currencies;

/** Validates an action's input fields: names, types, and only the options each type takes. */
final class FieldReader {

    /** What an upload may be: the types the catalog recognises from a file's first bytes. */
    static final List<String> SNIFFED_TYPES = List.of("application/pdf", "image/png", "image/jpeg");

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");

    private final Currencies currencies;

    FieldReader(Currencies currencies) {
        this.currencies = currencies;
    }

    /** The fields, or empty after reporting each problem with {@code path} in front. */
    Optional<List<Field>> read(String path, @Nullable List<ActionFile.FieldEntry> entries, Consumer<String> problems) {
        if (entries == null) {
            return Optional.of(List.of());
        }
        var names = new HashSet<String>();
        var fields = new java.util.ArrayList<Field>();
        boolean valid = true;
        for (int i = 0; i < entries.size(); i++) {
            String at = path + ".input[" + i + "]";
            ActionFile.FieldEntry entry = entries.get(i);
            if (entry == null) {
                problems.accept(at + ": empty field");
                valid = false;
                continue;
            }
            if (entry.name() == null || !NAME.matcher(entry.name()).matches()) {
                problems.accept(at + ".name: must be a camelCase name such as 'until', found '" + entry.name() + "'");
                valid = false;
            } else if (!names.add(entry.name())) {
                problems.accept(at + ".name: '" + entry.name() + "' is declared twice");
                valid = false;
            }
            Field field = field(at, entry, problems);
            if (field == null) {
                valid = false;
            } else {
                fields.add(field);
            }
        }
        return valid ? Optional.of(fields) : Optional.empty();
    }

    private @Nullable Field field(String at, ActionFile.FieldEntry entry, Consumer<String> problems) {
        FieldType type =
                entry.type() == null ? null : FieldType.of(entry.type()).orElse(null);
        if (type == null) {
            problems.accept(at + ".type: must be one of " + codes() + ", found '" + entry.type() + "'");
            return null;
        }
        var found = new java.util.ArrayList<String>();
        Consumer<String> counting = message -> {
            found.add(message);
            problems.accept(message);
        };
        onlyFor(at, "minLength", entry.minLength(), type.isText(), "text types", counting);
        onlyFor(at, "maxLength", entry.maxLength(), type.isText(), "text types", counting);
        onlyFor(at, "pattern", entry.pattern(), type.isText(), "text types", counting);
        onlyFor(at, "min", entry.min(), type.isNumeric(), "integer, decimal and money", counting);
        onlyFor(at, "max", entry.max(), type.isNumeric(), "integer, decimal and money", counting);
        onlyFor(at, "currencies", entry.currencies(), type == FieldType.MONEY, "money", counting);
        onlyFor(at, "values", entry.values(), type == FieldType.ENUM, "enum", counting);
        onlyFor(at, "maxBytes", entry.maxBytes(), type == FieldType.UPLOAD, "upload", counting);
        onlyFor(at, "contentTypes", entry.contentTypes(), type == FieldType.UPLOAD, "upload", counting);
        checkLengths(at, entry, counting);
        checkRange(at, entry.min(), entry.max(), counting);
        if (entry.pattern() != null) {
            try {
                Pattern.compile(entry.pattern());
            } catch (PatternSyntaxException e) {
                counting.accept(at + ".pattern: not a regular expression: " + e.getDescription());
            }
        }
        List<String> currencyCodes = Objects.requireNonNullElse(entry.currencies(), List.of());
        currencyCodes.stream()
                .filter(code -> currencies.find(code).isEmpty())
                .forEach(code -> counting.accept(
                        at + ".currencies: '" + code + "' is not a known ISO 4217 or configured currency"));
        List<String> values = Objects.requireNonNullElse(entry.values(), List.of());
        if (type == FieldType.ENUM && (values.isEmpty() || new HashSet<>(values).size() != values.size())) {
            counting.accept(at + ".values: an enum needs a list of distinct values");
        }
        if (entry.maxBytes() != null && (entry.maxBytes() < 1 || entry.maxBytes() > 20L * 1024 * 1024)) {
            counting.accept(at + ".maxBytes: must be from 1 to 20971520 (20 MiB), found " + entry.maxBytes());
        }
        List<String> contentTypes = Objects.requireNonNullElse(entry.contentTypes(), List.of());
        contentTypes.stream()
                .filter(t -> !SNIFFED_TYPES.contains(t))
                .forEach(t -> counting.accept(at + ".contentTypes: '" + t + "' is not one of " + SNIFFED_TYPES));
        if (!found.isEmpty()) {
            return null;
        }
        return new Field(
                entry.name() == null ? "" : entry.name(),
                type,
                Boolean.TRUE.equals(entry.required()),
                entry.minLength(),
                entry.maxLength(),
                entry.pattern(),
                entry.min(),
                entry.max(),
                currencyCodes,
                values,
                entry.maxBytes(),
                type == FieldType.UPLOAD && contentTypes.isEmpty() ? SNIFFED_TYPES : contentTypes);
    }

    private static void onlyFor(
            String at,
            String option,
            @Nullable Object value,
            boolean applies,
            String types,
            Consumer<String> problems) {
        if (value != null && !applies) {
            problems.accept(at + "." + option + ": applies only to " + types);
        }
    }

    private static void checkLengths(String at, ActionFile.FieldEntry entry, Consumer<String> problems) {
        Integer min = entry.minLength();
        Integer max = entry.maxLength();
        if (min != null && min < 0 || max != null && max < 1 || min != null && max != null && min > max) {
            problems.accept(at + ": lengths must satisfy 0 <= minLength <= maxLength, maxLength >= 1");
        }
    }

    private static void checkRange(
            String at, @Nullable BigDecimal min, @Nullable BigDecimal max, Consumer<String> problems) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.accept(at + ": min must not be above max");
        }
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(FieldType.values()).map(FieldType::code).toList();
    }
}
