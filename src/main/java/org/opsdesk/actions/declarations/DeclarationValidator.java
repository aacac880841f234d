package org.opsdesk.actions.declarations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionDefinition.Field;
import org.opsdesk.actions.ActionDefinition.FieldType;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.shared.YamlFileSet;
import org.opsdesk.workflow.FourEyesPolicies;
import org.opsdesk.workflow.FourEyesPolicy;

/**
 * Validates the action declarations as a whole, strictly, against what the application runs with: the record kinds
 * served ({@code ActionTargets} beans) and the handlers ({@code ActionHandler} beans). Every problem is reported, so
 * one start lists them all. A file of the override directory replaces the shipped file of the same name.
 */
public final class DeclarationValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");
    private static final Pattern PERMISSION = Pattern.compile("[a-z0-9_-]+(:[a-z0-9_*-]+)+");
    private static final Pattern PATH = Pattern.compile("/api/v1(/[A-Za-z0-9{}._-]+)+");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern STATE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private final Currencies currencies;
    private final Set<String> targetKinds;
    private final Set<String> handlerIds;

    /**
     * @param targetKinds the kinds an {@code ActionTargets} bean serves
     * @param handlerIds the action ids an {@code ActionHandler} bean implements
     */
    public DeclarationValidator(Currencies currencies, Set<String> targetKinds, Set<String> handlerIds) {
        this.currencies = currencies;
        this.targetKinds = Set.copyOf(targetKinds);
        this.handlerIds = Set.copyOf(handlerIds);
    }

    /** The definitions by id, in file order; problems go to {@code errors}. */
    public Map<String, ActionDefinition> validate(List<YamlFileSet.Parsed<ActionFile>> files, List<String> errors) {
        var byName = new LinkedHashMap<String, YamlFileSet.Parsed<ActionFile>>();
        files.forEach(file -> byName.put(file.fileName(), file));
        var definitions = new LinkedHashMap<String, ActionDefinition>();
        for (var file : byName.values()) {
            List<ActionFile.Entry> entries = file.content().actions();
            if (entries == null || entries.isEmpty()) {
                errors.add(file.location() + ": 'actions' must be a non-empty list");
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                String path = file.location() + ": actions[" + i + "]";
                ActionFile.Entry entry = entries.get(i);
                ActionDefinition definition = entry == null ? null : definition(path, entry, errors::add);
                if (entry == null) {
                    errors.add(path + ": empty entry");
                } else if (definition != null && definitions.putIfAbsent(definition.id(), definition) != null) {
                    errors.add(path + ".id: '" + definition.id() + "' is declared twice");
                }
            }
        }
        var declaredHandlers = new HashSet<String>();
        definitions.values().stream().filter(d -> !d.isEndpoint()).forEach(d -> declaredHandlers.add(d.id()));
        handlerIds.stream()
                .filter(id -> !declaredHandlers.contains(id) && !definitions.containsKey(id))
                .sorted()
                .forEach(id -> errors.add("an ActionHandler bean implements '" + id
                        + "', which no actions/*.yaml declares: declare it, or remove the handler"));
        return definitions;
    }

    private @Nullable ActionDefinition definition(String path, ActionFile.Entry entry, Consumer<String> problems) {
        var found = new ArrayList<String>();
        Consumer<String> report = message -> {
            found.add(message);
            problems.accept(message);
        };
        String id = entry.id();
        if (id == null || !ID.matcher(id).matches()) {
            report.accept(path + ".id: must be <entity>.<verb> in lower case ([a-z0-9-] segments joined by '.'),"
                    + " found '" + id + "'");
        }
        if (entry.category() == null || !ActionDefinition.CATEGORIES.contains(entry.category())) {
            report.accept(path + ".category: must be one of " + ActionDefinition.CATEGORIES + ", found '"
                    + entry.category() + "'");
        }
        ActionDefinition definition =
                entry.endpoint() != null ? endpointEntry(path, entry, report) : declared(path, entry, report);
        return found.isEmpty() ? definition : null;
    }

    private @Nullable ActionDefinition endpointEntry(String path, ActionFile.Entry entry, Consumer<String> report) {
        var endpoint = Objects.requireNonNull(entry.endpoint());
        if (endpoint.method() == null || !METHODS.contains(endpoint.method())) {
            report.accept(path + ".endpoint.method: must be one of " + METHODS + ", found '" + endpoint.method() + "'");
        }
        if (endpoint.path() == null || !PATH.matcher(endpoint.path()).matches()) {
            report.accept(path + ".endpoint.path: must be an API path under /api/v1, found '" + endpoint.path() + "'");
        }
        if (entry.permission() == null
                || !PERMISSION.matcher(entry.permission()).matches()
                        && !RequiresPermission.SIGNED_IN.equals(entry.permission())) {
            report.accept(path + ".permission: an endpoint entry names the permission its endpoint checks"
                    + " (<group>:<action>, or #signed-in), found '" + entry.permission() + "'");
        }
        boolean declaresMore = entry.family() != null
                || entry.target() != null
                || entry.creates() != null
                || entry.safeguard() != null
                || entry.fourEyes() != null
                || entry.amountField() != null
                || entry.provider() != null
                || entry.availableIn() != null
                || entry.after() != null
                || entry.roles() != null
                || entry.reason() != null
                || entry.input() != null;
        if (declaresMore) {
            report.accept(path + ": an endpoint entry has only id, category, endpoint and permission (the endpoint"
                    + " already defines the rest)");
        }
        if (endpoint.method() == null || endpoint.path() == null || entry.permission() == null) {
            return null;
        }
        return new ActionDefinition(
                String.valueOf(entry.id()),
                String.valueOf(entry.category()),
                null,
                null,
                false,
                false,
                FourEyesPolicy.none(),
                false,
                null,
                false,
                List.of(),
                Map.of(),
                Set.of(),
                false,
                List.of(),
                new ActionDefinition.Endpoint(endpoint.method(), endpoint.path()),
                entry.permission());
    }

    private @Nullable ActionDefinition declared(String path, ActionFile.Entry entry, Consumer<String> report) {
        String id = String.valueOf(entry.id());
        if (entry.permission() != null) {
            report.accept(path + ".permission: a declared action's permission is always action:<id>; 'permission'"
                    + " is for endpoint entries");
        }
        if (entry.family() == null || !ActionDefinition.FAMILIES.contains(entry.family())) {
            report.accept(
                    path + ".family: must be one of " + ActionDefinition.FAMILIES + ", found '" + entry.family() + "'");
        }
        if (entry.target() == null || !targetKinds.contains(entry.target())) {
            report.accept(path + ".target: no ActionTargets bean serves the kind '" + entry.target() + "' (served: "
                    + targetKinds.stream().sorted().toList() + ")");
        }
        if (!handlerIds.contains(id)) {
            report.accept(path + ": no ActionHandler bean implements '" + id + "'");
        }
        boolean irreversible = oneOf(path + ".safeguard", entry.safeguard(), "reversible", "irreversible", report);
        boolean provider = oneOf(path + ".provider", entry.provider(), "none", "required", report);
        boolean optionalReason = oneOf(path + ".reason", entry.reason(), "required", "optional", report);
        List<String> availableIn = Objects.requireNonNullElse(entry.availableIn(), List.of());
        availableIn.stream()
                .filter(state -> state == null || !STATE.matcher(state).matches())
                .forEach(state -> report.accept(path + ".availableIn: '" + state + "' is not a state name"));
        List<String> roles = Objects.requireNonNullElse(entry.roles(), List.of());
        roles.stream()
                .filter(role -> role == null || !STATE.matcher(role).matches())
                .forEach(role -> report.accept(path + ".roles: '" + role + "' is not a role name"));
        List<Field> fields =
                new FieldReader(currencies).read(path, entry.input(), report).orElse(List.of());
        checkAmountField(path, entry.amountField(), fields, report);
        boolean byHandler = entry.fourEyes() != null
                && entry.fourEyes().isString()
                && entry.fourEyes().asString().equals("handler");
        FourEyesPolicy fourEyes = byHandler
                ? FourEyesPolicy.none()
                : FourEyesPolicies.read(entry.fourEyes(), currencies, m -> report.accept(path + ": " + m));
        if (!fourEyes.isAlwaysOne() && fourEyes.isActive() && entry.amountField() == null) {
            report.accept(path + ".fourEyes: tiers apply to an amount: name the money field in 'amountField'");
        }
        return new ActionDefinition(
                id,
                String.valueOf(entry.category()),
                entry.family(),
                entry.target(),
                Boolean.TRUE.equals(entry.creates()),
                irreversible,
                fourEyes,
                byHandler,
                entry.amountField(),
                provider,
                availableIn,
                Objects.requireNonNullElse(entry.after(), Map.of()),
                Set.copyOf(roles),
                !optionalReason,
                fields,
                null,
                ActionDefinition.permissionOf(id));
    }

    private static void checkAmountField(
            String path, @Nullable String amountField, List<Field> fields, Consumer<String> report) {
        if (amountField == null) {
            return;
        }
        boolean money = fields.stream().anyMatch(f -> f.name().equals(amountField) && f.type() == FieldType.MONEY);
        if (!money) {
            report.accept(path + ".amountField: '" + amountField + "' is not a money field of the action's input");
        }
    }

    /** Whether {@code value} is the second of the two choices; the first when absent. */
    private static boolean oneOf(
            String path, @Nullable String value, String first, String second, Consumer<String> report) {
        if (value != null && !value.equals(first) && !value.equals(second)) {
            report.accept(path + ": must be '" + first + "' or '" + second + "', found '" + value + "'");
        }
        return second.equals(value);
    }
}
