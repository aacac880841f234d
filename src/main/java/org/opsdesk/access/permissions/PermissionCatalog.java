package org.opsdesk.access.permissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.PermissionContributor;
import org.opsdesk.shared.PermissionContributor.Definition;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.ProblemException.FieldError;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every permission Opsdesk knows, with what it allows, in the caller's language: the administrative ones each module
 * contributes ({@link PermissionContributor}), and per operation type the actions modules define on every type and
 * the permission of each transition in its workflow (with the override for forcing a system or timer move). Built
 * from the contributions and the workflow definitions in force, so a new module or type brings its permissions.
 */
@Component
public class PermissionCatalog {

    /** One permission and what it allows. */
    public record PermissionInfo(String name, String description, String group) {}

    /** Permissions of one group, as the role editor shows them together. */
    public record PermissionGroup(String label, List<PermissionInfo> permissions) {}

    /** The permissions by group, groups in the order they first appear. */
    public static List<PermissionGroup> grouped(List<PermissionInfo> permissions) {
        var groups = new java.util.LinkedHashMap<String, List<PermissionInfo>>();
        permissions.forEach(
                p -> groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
        return groups.entrySet().stream()
                .map(e -> new PermissionGroup(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private final Workflows workflows;
    private final List<PermissionContributor> contributors;
    private final MessageSource messages;

    PermissionCatalog(Workflows workflows, List<PermissionContributor> contributors, MessageSource messages) {
        this.workflows = workflows;
        this.contributors = List.copyOf(contributors);
        this.messages = messages;
    }

    /** Every permission, described in the language of the current request (English outside one). */
    public List<PermissionInfo> all() {
        Locale locale = LocaleContextHolder.getLocale();
        var all = new ArrayList<PermissionInfo>();
        all.add(new PermissionInfo(Permissions.ALL, text("permission.all", locale), "all"));
        administrative()
                .forEach(definition -> all.add(new PermissionInfo(
                        definition.name(),
                        text(definition.messageKey(), locale),
                        definition.groupKey() == null ? definition.group() : text(definition.groupKey(), locale))));
        List<String> actions = perTypeActions();
        for (WorkflowDefinition workflow : workflows.all()) {
            String type = workflow.type();
            String typeName = type.replace('_', ' ');
            actions.forEach(action -> all.add(new PermissionInfo(
                    type + ":" + action, text("permission.type." + action, locale, typeName), type)));
            transitionPermissions(workflow, locale)
                    .forEach((name, description) -> all.add(new PermissionInfo(name, description, type)));
        }
        return all;
    }

    /** The administrative permissions the modules define, with the built-in roles that hold each. */
    public List<Definition> administrative() {
        return contributors.stream()
                .flatMap(contributor -> contributor.permissions().stream())
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /** The actions every operation type has a permission for ({@code view}, {@code create} …), sorted. */
    public List<String> perTypeActions() {
        return contributors.stream()
                .flatMap(contributor -> contributor.perTypeActions().stream())
                .distinct()
                .sorted()
                .toList();
    }

    public Set<String> names() {
        var names = new TreeSet<String>();
        all().forEach(p -> names.add(p.name()));
        return names;
    }

    /** Each name must be known, or a wildcard {@code prefix:*} over known names; 422 naming the unknown ones. */
    public void validate(String field, Collection<String> names) {
        Set<String> known = names();
        var errors = new ArrayList<FieldError>();
        for (String name : names) {
            if (!isKnown(name, known)) {
                errors.add(new FieldError(field, "unknown permission '" + name + "' (see GET /api/v1/permissions)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Permissions an operator takes manual moves with, per type: what the built-in desk roles are given. */
    public List<String> manualTransitionPermissions(String type) {
        return workflows.current(type).stream()
                .flatMap(w -> w.transitions().stream())
                .filter(t -> t.trigger() == Trigger.MANUAL)
                .map(Transition::permission)
                .distinct()
                .sorted()
                .toList();
    }

    public List<String> types() {
        return workflows.all().stream().map(WorkflowDefinition::type).sorted().toList();
    }

    private static boolean isKnown(String name, Set<String> known) {
        if (known.contains(name)) {
            return true;
        }
        if (name.endsWith(":*") && name.length() > 2) {
            String prefix = name.substring(0, name.length() - 1);
            return known.stream().anyMatch(k -> k.startsWith(prefix));
        }
        return false;
    }

    private Map<String, String> transitionPermissions(WorkflowDefinition workflow, Locale locale) {
        var moves = new LinkedHashMap<String, List<String>>();
        var overrides = new LinkedHashMap<String, List<Transition>>();
        for (Transition t : workflow.transitions()) {
            moves.computeIfAbsent(t.permission(), k -> new ArrayList<>()).add(t.from() + " → " + t.to());
            if (t.trigger() != Trigger.MANUAL) {
                overrides
                        .computeIfAbsent(t.overridePermission(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        var permissions = new LinkedHashMap<String, String>();
        moves.forEach((name, list) ->
                permissions.put(name, text("permission.transition", locale, workflow.type(), String.join(", ", list))));
        overrides.forEach((name, list) -> permissions.put(
                name,
                text(
                        "permission.override",
                        locale,
                        workflow.type(),
                        list.get(0).trigger().code(),
                        String.join(
                                ", ",
                                list.stream()
                                        .map(t -> t.from() + " → " + t.to())
                                        .toList()))));
        return permissions;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
