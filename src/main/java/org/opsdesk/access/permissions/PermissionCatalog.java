package org.opsdesk.access.permissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.ProblemException.FieldError;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Component;

/**
 * Every permission Opsdesk knows, with what it allows: the administrative ones, and per operation type the
 * actions on it and the permission of each transition in its workflow (with the override for forcing a system
 * or timer move). Built from the workflow definitions in force, so a new type brings its permissions with it.
 */
@Component
public class PermissionCatalog {

    /** One permission and what it allows. */
    public record PermissionInfo(String name, String description, String group) {}

    static final Map<String, String> ADMINISTRATIVE = administrative();

    private static final Map<String, String> PER_TYPE = Map.of(
            "view", "see %s operations, their history and attachments",
            "create", "create %s operations",
            "update", "edit the attributes of %s operations",
            "assign", "assign %s operations to any operator, reassign and release them",
            "claim", "take unassigned %s operations for yourself and release your own",
            "approve", "approve or decline four-eyes requests on %s operations (as the second person)",
            "notify", "preview, edit and send the manual notifications of %s operations (e.g. to the client)",
            "comment", "write internal comments on the history of %s operations");

    private final Workflows workflows;

    PermissionCatalog(Workflows workflows) {
        this.workflows = workflows;
    }

    public List<PermissionInfo> all() {
        var all = new ArrayList<PermissionInfo>();
        all.add(new PermissionInfo(Permissions.ALL, "everything, now and in future (administrators)", "all"));
        ADMINISTRATIVE.forEach((name, description) ->
                all.add(new PermissionInfo(name, description, name.substring(0, name.indexOf(':')))));
        for (WorkflowDefinition workflow : workflows.all()) {
            String type = workflow.type();
            PER_TYPE.keySet().stream()
                    .sorted()
                    .forEach(action -> all.add(new PermissionInfo(
                            type + ":" + action, PER_TYPE.get(action).formatted(type.replace('_', ' ')), type)));
            transitionPermissions(workflow)
                    .forEach((name, description) -> all.add(new PermissionInfo(name, description, type)));
        }
        return all;
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

    private static Map<String, String> transitionPermissions(WorkflowDefinition workflow) {
        var permissions = new LinkedHashMap<String, String>();
        for (Transition t : workflow.transitions()) {
            String move = t.from() + " -> " + t.to();
            permissions.merge(t.permission(), "move " + workflow.type() + " " + move, (a, b) -> a + ", " + move);
            if (t.trigger() != Trigger.MANUAL) {
                permissions.merge(
                        t.overridePermission(),
                        "force the " + t.trigger().code() + " move " + workflow.type() + " " + move
                                + " by hand, with a reason",
                        (a, b) -> a + ", " + move);
            }
        }
        return permissions;
    }

    private static Map<String, String> administrative() {
        var admin = new LinkedHashMap<String, String>();
        admin.put("operators:view", "see operators, their roles and status");
        admin.put("operators:manage", "create, edit, disable, enable and delete operators; reset passwords and MFA");
        admin.put("roles:view", "see roles and their permissions");
        admin.put("roles:manage", "create, edit and delete roles (only with permissions you hold)");
        admin.put("apikeys:view", "see API keys (never their secrets)");
        admin.put("apikeys:manage", "create and revoke API keys (only with permissions you hold)");
        admin.put("webhooks:view", "see webhook endpoints and their deliveries");
        admin.put("webhooks:manage", "add, edit and remove webhook endpoints; resend and simulate deliveries");
        admin.put("notifications:view", "see notifications sent about operations, their state and attempts");
        admin.put("notifications:manage", "edit notification rules and templates; resend notifications");
        admin.put("workflows:view", "see the workflow definitions");
        admin.put("exports:run", "export lists as CSV");
        admin.put("views:manage", "delete saved list views other operators shared with everyone");
        admin.put("audit:view", "read the security log");
        admin.put("reports:view", "see dashboards and reports");
        admin.put("clients:view", "see the client directory: contact data, locale and consent history (personal data)");
        admin.put("clients:manage", "create and update clients in the directory, their contact data and consents");
        return java.util.Collections.unmodifiableMap(admin);
    }
}
