package org.opsdesk.workflow.loading;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Currencies;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.loading.WorkflowFile.StageEntry;
import org.opsdesk.workflow.loading.WorkflowFile.TransitionEntry;

/**
 * Turns definition files into definitions, or into a list of precise errors naming the file, the type and the
 * stage or transition. Checks the whole graph: unknown and duplicate codes, missing statuses, unreachable and
 * dead-end stages, moves out of terminal stages, timer rules, the reason rule for ERROR and REJECTED, and
 * four-eyes policies ({@link FourEyesReader}).
 */
public final class WorkflowValidator {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z0-9_]*(:[a-z0-9_]+)*");

    private final FourEyesReader fourEyes;

    /** Four-eyes thresholds may name ISO 4217 currencies and these configured ones. */
    public WorkflowValidator(Currencies currencies) {
        this.fourEyes = new FourEyesReader(currencies);
    }

    /** Four-eyes thresholds may name ISO 4217 currencies only. */
    public WorkflowValidator() {
        this(new Currencies(Map.of()));
    }

    /** Validates every source; later sources of the same type replace earlier ones (the override directory). */
    public Map<String, WorkflowDefinition> validate(List<WorkflowFileReader.Source> sources, List<String> errors) {
        var definitions = new LinkedHashMap<String, WorkflowDefinition>();
        for (var source : sources) {
            var problems = new Problems(source.location());
            WorkflowDefinition definition = validate(source, problems);
            errors.addAll(problems.messages);
            if (definition != null && problems.messages.isEmpty()) {
                definitions.put(definition.type(), definition);
            }
        }
        return definitions;
    }

    private @Nullable WorkflowDefinition validate(WorkflowFileReader.Source source, Problems problems) {
        WorkflowFile file = source.file();
        String type = file.type();
        if (type == null || !CODE.matcher(type).matches()) {
            problems.add("'type' must be a lowercase snake_case code, found '" + type + "'");
            return null;
        }
        problems.type = type;
        String expectedFile = source.fileName().replaceFirst("\\.ya?ml$", "");
        if (!expectedFile.equals(type)) {
            problems.add("the file must be named after its type: " + type + ".yaml");
        }
        var stages = stages(file.stages(), problems);
        String initial = file.initialStage();
        if (initial == null) {
            problems.add("'initialStage' is missing");
        } else if (!stages.containsKey(initial)) {
            problems.add("'initialStage' names unknown stage '" + initial + "'");
        } else if (stages.get(initial).terminal()) {
            problems.stage(initial, "the initial stage cannot be terminal");
        }
        var transitions = transitions(type, file.transitions(), stages, problems);
        if (initial != null && stages.containsKey(initial)) {
            checkGraph(initial, stages, transitions, problems);
        }
        if (!problems.messages.isEmpty() || initial == null) {
            return null;
        }
        String description =
                file.description() == null ? "" : file.description().trim();
        return new WorkflowDefinition(type, 0, description, initial, List.copyOf(stages.values()), transitions);
    }

    private Map<String, Stage> stages(@Nullable List<StageEntry> entries, Problems problems) {
        var stages = new LinkedHashMap<String, Stage>();
        if (entries == null || entries.isEmpty()) {
            problems.add("'stages' is missing or empty");
            return stages;
        }
        for (int i = 0; i < entries.size(); i++) {
            StageEntry entry = entries.get(i);
            String code = entry == null ? null : entry.code();
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add("stages[" + i + "]: 'code' must be a lowercase snake_case code, found '" + code + "'");
                continue;
            }
            if (stages.containsKey(code)) {
                problems.stage(code, "duplicate stage code");
                continue;
            }
            Status status = status(code, entry.status(), problems);
            boolean terminal = Boolean.TRUE.equals(entry.terminal());
            Duration sla = duration(entry.sla(), "sla", problems, code);
            if (sla != null && terminal) {
                problems.stage(code, "a terminal stage cannot have an 'sla'");
            }
            if (status != null) {
                stages.put(code, new Stage(code, status, terminal, sla));
            } else {
                stages.put(code, new Stage(code, Status.PENDING, terminal, sla)); // keeps graph checks meaningful
            }
        }
        return stages;
    }

    private static @Nullable Status status(String stage, @Nullable String value, Problems problems) {
        if (value == null) {
            problems.stage(stage, "has no canonical 'status' (one of PENDING, SUCCESS, ERROR, REJECTED)");
            return null;
        }
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            problems.stage(stage, "status '" + value + "' is not one of PENDING, SUCCESS, ERROR, REJECTED");
            return null;
        }
    }

    private List<Transition> transitions(
            String type, @Nullable List<TransitionEntry> entries, Map<String, Stage> stages, Problems problems) {
        var transitions = new ArrayList<Transition>();
        if (entries == null) {
            problems.add("'transitions' is missing");
            return transitions;
        }
        var seen = new HashSet<String>();
        var timerStages = new HashSet<String>();
        for (int i = 0; i < entries.size(); i++) {
            TransitionEntry entry = entries.get(i);
            if (entry == null || entry.from() == null || entry.from().isEmpty() || entry.to() == null) {
                problems.add("transitions[" + i + "]: needs 'from' and 'to'");
                continue;
            }
            Stage to = stages.get(entry.to());
            if (to == null) {
                problems.add("transitions[" + i + "]: 'to' names unknown stage '" + entry.to() + "'");
                continue;
            }
            for (String from : entry.from()) {
                String where = from + " -> " + entry.to();
                Stage fromStage = stages.get(from);
                if (fromStage == null) {
                    problems.add("transitions[" + i + "]: 'from' names unknown stage '" + from + "'");
                    continue;
                }
                if (!seen.add(where)) {
                    problems.transition(where, "duplicate transition");
                    continue;
                }
                if (from.equals(entry.to())) {
                    problems.transition(where, "a transition must change the stage");
                }
                if (fromStage.terminal()) {
                    problems.transition(where, "stage '" + from + "' is terminal and cannot be left");
                }
                Transition transition = transition(type, entry, fromStage, to, where, problems);
                if (transition != null) {
                    if (transition.trigger() == Trigger.TIMER && !timerStages.add(from)) {
                        problems.transition(where, "stage '" + from + "' already has a timer transition");
                    }
                    transitions.add(transition);
                }
            }
        }
        return transitions;
    }

    private @Nullable Transition transition(
            String type, TransitionEntry entry, Stage from, Stage to, String where, Problems problems) {
        Trigger trigger;
        try {
            trigger = Trigger.valueOf(String.valueOf(entry.trigger()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.transition(where, "'trigger' must be manual, system or timer, found '" + entry.trigger() + "'");
            return null;
        }
        String permission = entry.permission() == null ? type + ":transition:" + to.code() : entry.permission();
        if (!PERMISSION.matcher(permission).matches()) {
            problems.transition(where, "'permission' must look like 'type:action', found '" + permission + "'");
        }
        boolean reasonRequired = entry.reasonRequired() == null ? to.status().needsReason() : entry.reasonRequired();
        if (!reasonRequired && to.status().needsReason()) {
            problems.transition(where, "a move into " + to.status() + " always requires a reason");
        }
        FourEyesPolicy fourEyes = this.fourEyes.read(entry.fourEyes(), message -> problems.transition(where, message));
        Duration after = duration(entry.after(), "after", problems, where);
        if (trigger == Trigger.TIMER) {
            if (entry.after() == null) {
                problems.transition(where, "a timer transition needs 'after' (an ISO-8601 duration such as PT15M)");
            }
            if (fourEyes.isActive()) {
                problems.transition(where, "a timer transition cannot require four-eyes approval");
            }
        } else if (entry.after() != null) {
            problems.transition(where, "'after' is only for timer transitions");
        }
        return new Transition(from.code(), to.code(), trigger, permission, reasonRequired, fourEyes, after);
    }

    private static @Nullable Duration duration(@Nullable String value, String field, Problems problems, String where) {
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                problems.add(where + ": '" + field + "' must be a positive duration, found '" + value + "'");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + field + "' is not an ISO-8601 duration such as PT15M or P7D: '" + value + "'");
            return null;
        }
    }

    private static void checkGraph(
            String initial, Map<String, Stage> stages, List<Transition> transitions, Problems problems) {
        Set<String> reached = new HashSet<>();
        var queue = new ArrayDeque<String>();
        queue.add(initial);
        reached.add(initial);
        while (!queue.isEmpty()) {
            String stage = queue.poll();
            for (Transition t : transitions) {
                if (t.from().equals(stage) && reached.add(t.to())) {
                    queue.add(t.to());
                }
            }
        }
        for (Stage stage : stages.values()) {
            if (!reached.contains(stage.code())) {
                problems.stage(stage.code(), "unreachable from the initial stage '" + initial + "'");
            }
            boolean leaves = transitions.stream().anyMatch(t -> t.from().equals(stage.code()));
            if (!stage.terminal() && !leaves) {
                problems.stage(stage.code(), "is not terminal but has no transition out of it");
            }
        }
    }

    /** Collects messages that all start with the file, then the type, then the stage or transition. */
    private static final class Problems {
        private final String location;
        private @Nullable String type;
        private final List<String> messages = new ArrayList<>();

        Problems(String location) {
            this.location = location;
        }

        void add(String message) {
            messages.add(location + (type == null ? "" : ": type '" + type + "'") + ": " + message);
        }

        void stage(String stage, String message) {
            add("stage '" + stage + "': " + message);
        }

        void transition(String where, String message) {
            add("transition " + where + ": " + message);
        }
    }
}
