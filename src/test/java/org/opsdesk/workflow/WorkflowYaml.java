package org.opsdesk.workflow;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workflow definition file written for a test, so that each test states only what it changes:
 * {@code WorkflowYaml.gizmo().transition("requested", "nowhere", "manual").yaml()}. Keys come out in the order and
 * indentation of the shipped files; extra lines ({@code "after: PT1H"}, a {@code fourEyes:} block) are written
 * under their stage or transition as given, indented to it.
 */
final class WorkflowYaml {

    private final String type;
    private @Nullable String description;
    private final List<String> stages = new ArrayList<>();
    private final List<String> transitions = new ArrayList<>();

    private WorkflowYaml(String type) {
        this.type = type;
    }

    /** A type with no stages and no transitions yet; its initial stage is {@code requested}. */
    static WorkflowYaml type(String type) {
        return new WorkflowYaml(type);
    }

    /** The smallest valid workflow: {@code requested} (PENDING), then {@code done} (SUCCESS) by the system. */
    static WorkflowYaml gizmo() {
        return type("gizmo")
                .stage("requested", "PENDING")
                .terminal("done", "SUCCESS")
                .transition("requested", "done", "system");
    }

    WorkflowYaml description(String text) {
        this.description = text;
        return this;
    }

    /** Appends a stage; a null {@code status} leaves the key out. */
    WorkflowYaml stage(String code, @Nullable String status, String... extraLines) {
        var entry = new StringBuilder("  - code: ").append(code).append('\n');
        if (status != null) {
            entry.append("    status: ").append(status).append('\n');
        }
        stages.add(entry.append(indented(extraLines)).toString());
        return this;
    }

    /** Appends a terminal stage. */
    WorkflowYaml terminal(String code, @Nullable String status) {
        return stage(code, status, "terminal: true");
    }

    /** Appends a transition; {@code extraLines} may be multi-line blocks (a list of four-eyes tiers). */
    WorkflowYaml transition(String from, String to, String trigger, String... extraLines) {
        transitions.add(
                "  - from: " + from + "\n    to: " + to + "\n    trigger: " + trigger + "\n" + indented(extraLines));
        return this;
    }

    String yaml() {
        var yaml = new StringBuilder("type: ").append(type).append('\n');
        if (description != null) {
            yaml.append("description: ").append(description).append('\n');
        }
        yaml.append("initialStage: requested\n");
        yaml.append(stages.isEmpty() ? "stages: []\n" : "stages:\n" + String.join("", stages));
        yaml.append(transitions.isEmpty() ? "transitions: []\n" : "transitions:\n" + String.join("", transitions));
        return yaml.toString();
    }

    private static String indented(String... blocks) {
        var text = new StringBuilder();
        for (String block : blocks) {
            block.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }
}
