package org.opsdesk.actions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.FourEyesPolicy;

/**
 * One declared action as the catalog validated it at start ({@code actions/*.yaml}): what the console's forms, the
 * API's schema and the record pages are drawn from. An entry for an endpoint that exists elsewhere ({@link
 * #endpoint()} set) is listed only: it has no family, target, input or handler, and its {@link #permission()} is
 * the one that endpoint already checks.
 *
 * @param family the invocation's operation type is {@code <family>_action}; null for an endpoint entry
 * @param target the record kind acted on ({@link ActionTargets#kind()}); null for an endpoint entry
 * @param creates whether it creates a record of kind {@code target} (no record to start from)
 * @param fourEyes the approvals by the {@code amountField}'s amount ({@code true} is one, always)
 * @param fourEyesByHandler whether the handler's {@link ActionHandler#requiredApprovals} decides instead
 * @param availableIn the target states it is offered in; empty means every state
 * @param after what the target looks like after it (e.g. {@code status → suspended})
 * @param roles the built-in roles given {@code action:<id>}
 */
public record ActionDefinition(
        String id,
        String category,
        @Nullable String family,
        @Nullable String target,
        boolean creates,
        boolean irreversible,
        FourEyesPolicy fourEyes,
        boolean fourEyesByHandler,
        @Nullable String amountField,
        boolean provider,
        List<String> availableIn,
        Map<String, String> after,
        Set<String> roles,
        boolean reasonRequired,
        List<Field> input,
        @Nullable Endpoint endpoint,
        String permission) {

    /** The categories of the reference catalog, the role editor's groups. */
    public static final List<String> CATEGORIES = List.of(
            "accounts",
            "cards",
            "loans",
            "establishments",
            "exports",
            "triggers",
            "limits",
            "offers",
            "operators",
            "p2p",
            "payments",
            "persons",
            "plans",
            "resources",
            "tags",
            "tariffs",
            "transactions",
            "users",
            "other");

    /** The families of invocations, each an operation type {@code <family>_action} with its workflow. */
    public static final List<String> FAMILIES = List.of("account", "party", "user", "record");

    /** The permission an action of the catalog needs: {@code action:<id>}. */
    public static String permissionOf(String actionId) {
        return "action:" + actionId;
    }

    /** The operation type of a family's invocations. */
    public static String operationTypeOf(String family) {
        return family + "_action";
    }

    /**
     * The API collection of a record kind, its plural as the paths write it ({@code account → accounts}, {@code
     * person → persons}, {@code company → companies}, {@code pix-key → pix-keys}).
     */
    public static String collectionOf(String kind) {
        if (kind.endsWith("y") && kind.length() > 1 && "aeiou".indexOf(kind.charAt(kind.length() - 2)) < 0) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind.endsWith("s") ? kind + "es" : kind + "s";
    }

    public boolean isEndpoint() {
        return endpoint != null;
    }

    /** The invocation's operation type; empty for an endpoint entry. */
    public Optional<String> operationType() {
        return Optional.ofNullable(family).map(ActionDefinition::operationTypeOf);
    }

    public Optional<Field> field(String name) {
        return input.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The types of input fields. */
    public enum FieldType {
        TEXT,
        EMAIL,
        PHONE,
        INTEGER,
        DECIMAL,
        MONEY,
        BOOLEAN,
        DATE,
        ENUM,
        UPLOAD,
        CPF,
        CNPJ,
        DOCUMENT_NUMBER,
        PIX_KEY;

        /** As the declarations write it: {@code document-number}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<FieldType> of(String code) {
            for (FieldType type : values()) {
                if (type.code().equals(code)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }

        /** Types written as text, on which lengths and patterns apply. */
        public boolean isText() {
            return this == TEXT || this == EMAIL || this == PHONE || this == DOCUMENT_NUMBER;
        }

        /** Types with a numeric value, on which {@code min} and {@code max} apply. */
        public boolean isNumeric() {
            return this == INTEGER || this == DECIMAL || this == MONEY;
        }
    }

    /**
     * One input field. Options apply per type: lengths and {@code pattern} to text types, {@code min}/{@code max}
     * to numbers (a money's amount), {@code currencies} to money, {@code values} to enums, {@code maxBytes} and
     * {@code contentTypes} to uploads.
     */
    public record Field(
            String name,
            FieldType type,
            boolean required,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            List<String> currencies,
            List<String> values,
            @Nullable Long maxBytes,
            List<String> contentTypes) {

        public Field {
            currencies = List.copyOf(currencies);
            values = List.copyOf(values);
            contentTypes = List.copyOf(contentTypes);
        }
    }

    /** The existing endpoint an entry stands for. */
    public record Endpoint(String method, String path) {}

    public ActionDefinition {
        availableIn = List.copyOf(availableIn);
        after = Map.copyOf(after);
        roles = Set.copyOf(roles);
        input = List.copyOf(input);
    }
}
