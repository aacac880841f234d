package org.opsdesk.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.queue.OperationListQuery;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link OperationFilter} from request parameters, the same way wherever a list is asked for — the API
 * ({@code GET /api/v1/operations}), the console's list page and its CSV export — so that a filtered list is one
 * shareable link everywhere. Bad values are refused with {@link InvalidInput} naming the parameter.
 *
 * <p>Parameters: {@code type}, {@code status}, {@code stage} (comma-separated), {@code subject}, {@code assignee}
 * ({@code me}: the caller), {@code unassigned=true}, {@code reference}, {@code q} (free text: a reference prefix
 * or an exact subject, case-sensitive, served by indexes at any table size), {@code currency}, {@code amountMin},
 * {@code amountMax}, {@code createdFrom}, {@code createdTo}, {@code updatedFrom}, {@code updatedTo} (ISO-8601
 * with offset), {@code sort} ({@code -createdAt}, {@code createdAt}, {@code -updatedAt}, {@code updatedAt}).
 */
@Component
public class OperationFilters {

    /** {@code ?assignee=me}: the caller's own queue (their {@code Actor.id()}, which claim assigns). */
    public static final String ME = "me";

    /** The names of the filter parameters, for pages that carry a filter from one link to another. */
    public static final List<String> PARAMETERS = List.of(
            "type",
            "status",
            "stage",
            "subject",
            "assignee",
            "unassigned",
            "reference",
            "q",
            "currency",
            "amountMin",
            "amountMax",
            "createdFrom",
            "createdTo",
            "updatedFrom",
            "updatedTo",
            "sort");

    private static final String TEXT = "[^\\p{Cntrl}]*";

    private final Currencies currencies;
    private final Workflows workflows;

    OperationFilters(Currencies currencies, Workflows workflows) {
        this.currencies = currencies;
        this.workflows = workflows;
    }

    /** The filter these parameters describe ({@code parameter} answers null for an absent one). */
    public OperationFilter fromParameters(Function<String, @Nullable String> parameter, Actor actor) {
        String assignee = blankToNull(parameter.apply("assignee"));
        boolean unassigned = flag("unassigned", blankToNull(parameter.apply("unassigned")));
        if (unassigned && assignee != null) {
            throw InvalidInput.of("unassigned", "cannot be combined with 'assignee'");
        }
        return new OperationFilter(
                types(parameter.apply("type")),
                statuses(parameter.apply("status")),
                codes("stage", parameter.apply("stage")),
                text("subject", blankToNull(parameter.apply("subject"))),
                ME.equals(assignee) ? actor.id() : text("assignee", assignee),
                unassigned,
                text("reference", blankToNull(parameter.apply("reference"))),
                freeText(parameter.apply("q")),
                currency(blankToNull(parameter.apply("currency"))),
                decimal("amountMin", blankToNull(parameter.apply("amountMin"))),
                decimal("amountMax", blankToNull(parameter.apply("amountMax"))),
                instant("createdFrom", blankToNull(parameter.apply("createdFrom"))),
                instant("createdTo", blankToNull(parameter.apply("createdTo"))),
                instant("updatedFrom", blankToNull(parameter.apply("updatedFrom"))),
                instant("updatedTo", blankToNull(parameter.apply("updatedTo"))),
                sort(blankToNull(parameter.apply("sort"))));
    }

    private static boolean flag(String field, @Nullable String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInput.of(field, "must be true or false");
    }

    // An empty form field means "no filter", as an absent parameter does.
    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> codes(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var codes = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String code : codes) {
            if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
                throw InvalidInput.of(field, "'" + code + "' is not a lowercase snake_case code");
            }
        }
        return codes;
    }

    /**
     * The types asked for, each one a workflow declares: a type nobody declared is a mistake worth saying (422).
     * Types that exist but the caller may not view are not refused — they only list nothing — since the shipped
     * workflow files, not the caller's permissions, say which types exist.
     */
    private List<String> types(@Nullable String value) {
        List<String> types = codes("type", value);
        for (String type : types) {
            if (workflows.current(type).isEmpty()) {
                throw InvalidInput.of("type", "'" + type + "' is not an operation type any workflow declares");
            }
        }
        return types;
    }

    private static List<Status> statuses(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .map(code -> {
                    try {
                        return Status.valueOf(code.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw InvalidInput.of(
                                "status", "'" + code + "' is not one of PENDING, SUCCESS, ERROR, REJECTED");
                    }
                })
                .toList();
    }

    private static @Nullable String text(String field, @Nullable String value) {
        if (value != null && (value.length() > 128 || !value.matches(TEXT))) {
            throw InvalidInput.of(field, "at most 128 characters, no control characters");
        }
        return value;
    }

    // Trimmed: what people paste into a search box often carries spaces around it.
    private static @Nullable String freeText(@Nullable String value) {
        return text("q", blankToNull(value == null ? null : value.strip()));
    }

    private @Nullable String currency(@Nullable String value) {
        if (value != null && currencies.find(value).isEmpty()) {
            throw InvalidInput.of("currency", "'" + value + "' is not a known ISO 4217 or configured currency");
        }
        return value;
    }

    private static @Nullable BigDecimal decimal(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,30}(\\.\\d{1,18})?")) {
            throw InvalidInput.of(field, "must be a decimal number such as 1000.00");
        }
        return new BigDecimal(value);
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = java.time.OffsetDateTime.parse(value).toInstant();
            if (!OperationListQuery.inRange(instant)) {
                throw InvalidInput.of(field, "must be between the years 1 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be an ISO-8601 timestamp with offset, such as 2026-11-22T10:00:00Z");
        }
    }

    private static OperationFilter.Sort sort(@Nullable String value) {
        if (value == null) {
            return OperationFilter.Sort.CREATED_DESC;
        }
        return Arrays.stream(OperationFilter.Sort.values())
                .filter(s -> s.code.equals(value))
                .findFirst()
                .orElseThrow(
                        () -> InvalidInput.of("sort", "must be one of -createdAt, createdAt, -updatedAt, updatedAt"));
    }
}
