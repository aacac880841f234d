package org.opsdesk.notifications.templates;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a template sees, as text already formatted for the recipient's language. Absent values are null (so
 * {@code th:if} leaves their line out), never empty strings.
 *
 * <ul>
 *   <li>{@code operation}: {@code type}, {@code reference}, {@code subject}, {@code stage}, {@code status},
 *       {@code amount} (formatted per locale, with the currency code), {@code assignee}
 *   <li>{@code client}: {@code name} (the directory's name, or the subject when the directory does not know them)
 *   <li>{@code event}: {@code fromStage}, {@code toStage}, {@code fromStatus}, {@code toStatus}, {@code reason},
 *       {@code actor}, {@code occurredAt} (formatted per locale, UTC); for an attribute edit the stage and status
 *       are the operation's (from and to alike) and {@code changed} lists the keys that changed ({@code rate, pay,
 *       receive}); null for a status change
 *   <li>{@code attributes}: the operation's top-level attributes as text (strings as they are, numbers and booleans
 *       as written; nested objects and arrays left out), so a type's templates can say what its integrator or module
 *       put there — e.g. an exchange order's payment reference and account. A string that is an ISO-8601 instant
 *       ({@code 2026-12-07T10:15:00Z}) is written as the language writes a moment, like {@code occurredAt}.
 *   <li>{@code previous}: for an attribute edit, the values the changed keys had before, written like {@code
 *       attributes} (so a rate-change message says {@code ${previous['rate']} → ${attributes['rate']}}); a key that
 *       was absent is absent here too; empty for a status change
 * </ul>
 */
public final class MessageModel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageModel() {}

    /** The variables for one change, in one language. */
    public static Map<String, Object> of(OperationEvent event, @Nullable String clientName, String locale) {
        Locale language = Locale.forLanguageTag(locale);
        var operation = event.operation();
        var op = new HashMap<String, @Nullable Object>();
        op.put("type", operation.type());
        op.put("reference", operation.reference());
        op.put("subject", operation.subject());
        op.put("stage", operation.stage());
        op.put("status", operation.status().name());
        op.put("amount", operation.amount() == null ? null : amount(operation.amount(), language));
        op.put("assignee", operation.assignee());
        var client = new HashMap<String, @Nullable Object>();
        client.put("name", clientName == null || clientName.isBlank() ? operation.subject() : clientName);
        var change = new HashMap<String, @Nullable Object>();
        Map<String, String> previous = Map.of();
        if (event instanceof StatusChanged moved) {
            change.put("fromStage", moved.fromStage());
            change.put("toStage", moved.toStage());
            change.put(
                    "fromStatus",
                    moved.fromStatus() == null ? null : moved.fromStatus().name());
            change.put("toStatus", moved.toStatus().name());
            change.put("changed", null);
        } else {
            var edit = (AttributesChanged) event;
            change.put("fromStage", operation.stage());
            change.put("toStage", operation.stage());
            change.put("fromStatus", operation.status().name());
            change.put("toStatus", operation.status().name());
            change.put("changed", String.join(", ", edit.changed()));
            previous = attributes(edit.previousJson(), locale);
        }
        change.put("reason", event.reason() == null || event.reason().isBlank() ? null : event.reason());
        change.put("actor", event.actorName());
        change.put("occurredAt", time(event.occurredAt(), locale));
        return Map.of(
                "operation",
                op,
                "client",
                client,
                "event",
                change,
                "attributes",
                attributes(operation.attributesJson(), locale),
                "previous",
                previous);
    }

    private static Map<String, String> attributes(String json, String locale) {
        var values = new HashMap<String, String>();
        JsonNode root = JSON.readTree(json);
        for (var field : root.properties()) {
            JsonNode value = field.getValue();
            if (value.isString()) {
                values.put(field.getKey(), instantOrText(value.asString(), locale));
            } else if (value.isNumber() || value.isBoolean()) {
                values.put(field.getKey(), value.asString());
            }
        }
        return values;
    }

    private static String instantOrText(String text, String locale) {
        if (text.length() >= 20 && text.length() <= 35 && text.charAt(4) == '-' && text.endsWith("Z")) {
            try {
                return time(Instant.parse(text), locale);
            } catch (DateTimeParseException notAMoment) {
                return text;
            }
        }
        return text;
    }

    /** A moment as the language writes it (medium length), in UTC, saying so: {@code Nov 23, 2026, 10:15:30 AM UTC}. */
    public static String time(Instant at, String locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(Locale.forLanguageTag(locale))
                        .withZone(ZoneOffset.UTC)
                        .format(at)
                + " UTC";
    }

    /** {@code 1,234.50 EUR} in English, {@code 1.234,50 EUR} in Portuguese and Dutch, {@code 1 234,50 EUR} in Polish. */
    static String amount(Money money, Locale language) {
        var format = NumberFormat.getNumberInstance(language);
        format.setMinimumFractionDigits(money.currency().fractionDigits());
        format.setMaximumFractionDigits(money.currency().fractionDigits());
        return format.format(money.amount()) + " " + money.currency().code();
    }
}
