package org.opsdesk.notifications.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.templates.TemplateFiles;
import org.opsdesk.notifications.templates.TemplatePart;
import org.opsdesk.notifications.templates.TemplateVariables;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * Turns rule files into rules, or into precise errors naming the file and the rule: the types and stages must
 * exist in the workflows in force, the audience must suit the channel, and the template must exist in every
 * locale with every part its channel needs, using only the model's variables.
 */
public final class RuleValidator {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*([_-][a-z0-9]+)*");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");

    private final Map<String, WorkflowDefinition> workflows = new HashMap<>();
    private final TemplateFiles templates;

    public RuleValidator(Collection<WorkflowDefinition> workflows, TemplateFiles templates) {
        workflows.forEach(w -> this.workflows.put(w.type(), w));
        this.templates = templates;
    }

    /** The parts each channel's messages need. */
    public static Set<TemplatePart> partsFor(NotificationChannel channel) {
        return switch (channel) {
            case EMAIL -> EnumSet.of(TemplatePart.SUBJECT, TemplatePart.TEXT, TemplatePart.HTML);
            case SMS -> EnumSet.of(TemplatePart.TEXT);
            case PUSH -> EnumSet.of(TemplatePart.SUBJECT, TemplatePart.TEXT);
            case WEBHOOK -> EnumSet.noneOf(TemplatePart.class);
        };
    }

    /**
     * Validates every source in order. A rule in an override file replaces a shipped rule with the same id; two
     * rules with one id on the same side are an error.
     */
    public List<NotificationRule> validate(List<RuleFileReader.Source> sources, List<String> errors) {
        var rules = new LinkedHashMap<String, NotificationRule>();
        var seen = new HashMap<String, RuleFileReader.Source>();
        for (var source : sources) {
            var entries = source.file().rules();
            if (entries == null || entries.isEmpty()) {
                errors.add(source.location() + ": 'rules' is missing or empty");
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                var entry = entries.get(i);
                var where =
                        source.location() + ": rule " + (entry.id() == null ? "#" + (i + 1) : "'" + entry.id() + "'");
                var problems = new ArrayList<String>();
                NotificationRule rule = rule(entry, source.location(), problems);
                problems.forEach(p -> errors.add(where + ": " + p));
                if (entry.id() != null) {
                    var earlier = seen.put(entry.id(), source);
                    if (earlier != null && earlier.override() == source.override()) {
                        errors.add(where + ": duplicate id, also in " + earlier.location());
                    }
                }
                if (rule != null && problems.isEmpty()) {
                    rules.remove(rule.id());
                    if (!Boolean.FALSE.equals(entry.enabled())) {
                        rules.put(rule.id(), rule);
                    }
                }
            }
        }
        return List.copyOf(rules.values());
    }

    private @Nullable NotificationRule rule(RuleFile.RuleEntry entry, String location, List<String> problems) {
        if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
            problems.add("'id' must be a lowercase code (letters, digits, '-' or '_'), found '" + entry.id() + "'");
        }
        Set<String> types = types(entry.types(), problems);
        String stage = entry.stage();
        Status status = null;
        int triggers = (stage != null ? 1 : 0)
                + (entry.status() != null ? 1 : 0)
                + (entry.anyChange() != null ? 1 : 0)
                + (entry.attributes() != null ? 1 : 0);
        if (triggers != 1) {
            problems.add("exactly one of 'stage', 'status', 'anyChange: true' and 'attributes' is needed, found "
                    + triggers);
        }
        if (entry.anyChange() != null && !entry.anyChange()) {
            problems.add("'anyChange' can only be true; leave it out and use 'stage' or 'status' instead");
        }
        Set<String> attributes = attributes(entry.attributes(), problems);
        if (entry.status() != null) {
            status = status(entry.status()).orElse(null);
            if (status == null) {
                problems.add(
                        "'status' must be one of PENDING, SUCCESS, ERROR, REJECTED, found '" + entry.status() + "'");
            }
        }
        if (stage != null) {
            if (types != null && types.isEmpty()) {
                problems.add("'stage' needs explicit 'types': stage '" + stage + "' cannot apply to every type");
            } else if (types != null) {
                types.stream()
                        .filter(t -> workflows.containsKey(t))
                        .filter(t -> workflows.get(t).stage(stage).isEmpty())
                        .forEach(t -> problems.add("stage '" + stage + "' does not exist in type '" + t + "'"));
            }
        }
        Audience audience = entry.audience() == null
                ? null
                : Audience.ofCode(entry.audience()).orElse(null);
        if (audience == null) {
            problems.add(
                    "'audience' must be one of client, assignee, team, webhooks, found '" + entry.audience() + "'");
        }
        NotificationChannel channel = channel(entry, audience, problems);
        role(entry, audience, problems);
        template(entry, audience, channel, problems);
        DeliveryMode mode = mode(entry.mode(), problems);
        if (audience == Audience.WEBHOOKS && mode == DeliveryMode.MANUAL) {
            problems.add("webhooks are sent automatically; 'mode' must be automatic");
        }
        if (!problems.isEmpty() || types == null || audience == null || channel == null || mode == null) {
            return null;
        }
        return new NotificationRule(
                entry.id(),
                types,
                stage,
                status,
                attributes,
                audience,
                channel,
                entry.role(),
                entry.template(),
                mode,
                location);
    }

    private @Nullable Set<String> types(@Nullable List<String> types, List<String> problems) {
        if (types == null || types.isEmpty()) {
            problems.add("'types' is missing: list operation types, or \"*\" for every type");
            return null;
        }
        if (types.contains("*")) {
            if (types.size() > 1) {
                problems.add("'types' is either \"*\" alone or a list of types");
                return null;
            }
            return Set.of();
        }
        var unknown = types.stream().filter(t -> !workflows.containsKey(t)).toList();
        unknown.forEach(t -> problems.add("type '" + t + "' has no workflow definition"));
        if (new LinkedHashSet<>(types).size() != types.size()) {
            problems.add("'types' lists a type twice");
        }
        return unknown.isEmpty() ? Set.copyOf(types) : null;
    }

    /** The attribute keys an {@code attributes} trigger lists: top-level keys, each once; empty when absent. */
    private static Set<String> attributes(@Nullable List<String> keys, List<String> problems) {
        if (keys == null) {
            return Set.of();
        }
        if (keys.isEmpty()) {
            problems.add("'attributes' lists no attribute: name the top-level keys whose change sets the rule off");
            return Set.of();
        }
        keys.stream()
                .filter(key -> key == null || !ATTRIBUTE.matcher(key).matches())
                .forEach(key -> problems.add("'attributes' must list top-level attribute keys (letters, digits, '_',"
                        + " '-', starting with a letter), found '" + key + "'"));
        if (new LinkedHashSet<>(keys).size() != keys.size()) {
            problems.add("'attributes' lists a key twice");
        }
        return problems.isEmpty() ? Set.copyOf(keys) : Set.of();
    }

    private static Optional<Status> status(String code) {
        for (Status s : Status.values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static @Nullable NotificationChannel channel(
            RuleFile.RuleEntry entry, @Nullable Audience audience, List<String> problems) {
        if (audience == Audience.WEBHOOKS) {
            if (entry.channel() != null && !entry.channel().equals("webhook")) {
                problems.add(
                        "the webhooks audience is reached by 'channel: webhook' only, found '" + entry.channel() + "'");
                return null;
            }
            return NotificationChannel.WEBHOOK;
        }
        var channel = entry.channel() == null
                ? null
                : NotificationChannel.ofCode(entry.channel()).orElse(null);
        if (channel == null || channel == NotificationChannel.WEBHOOK) {
            problems.add("'channel' must be one of email, sms, push, found '" + entry.channel() + "'");
            return null;
        }
        if ((audience == Audience.ASSIGNEE || audience == Audience.TEAM) && channel != NotificationChannel.EMAIL) {
            problems.add(
                    "the " + audience.code() + " audience is reached by email only, found '" + entry.channel() + "'");
            return null;
        }
        return channel;
    }

    private static void role(RuleFile.RuleEntry entry, @Nullable Audience audience, List<String> problems) {
        if (audience == Audience.TEAM) {
            if (entry.role() == null || !ROLE.matcher(entry.role()).matches()) {
                problems.add("the team audience needs 'role' (a role name), found '" + entry.role() + "'");
            }
        } else if (entry.role() != null) {
            problems.add("'role' applies to the team audience only");
        }
    }

    private void template(
            RuleFile.RuleEntry entry,
            @Nullable Audience audience,
            @Nullable NotificationChannel channel,
            List<String> problems) {
        String template = entry.template();
        if (audience == Audience.WEBHOOKS) {
            if (template != null) {
                problems.add("webhooks carry the event itself; 'template' does not apply");
            }
            return;
        }
        if (template == null || !TemplateFiles.validName(template)) {
            problems.add("'template' must name a template like exchange_order/completed, found '" + template + "'");
            return;
        }
        if (channel == null) {
            return;
        }
        problems.addAll(templates.problems(template, partsFor(channel), TemplateVariables.ROOTS));
    }

    private static @Nullable DeliveryMode mode(@Nullable String mode, List<String> problems) {
        if ("automatic".equals(mode)) {
            return DeliveryMode.AUTOMATIC;
        }
        if ("manual".equals(mode)) {
            return DeliveryMode.MANUAL;
        }
        problems.add("'mode' must be automatic or manual, found '" + mode + "'");
        return null;
    }
}
