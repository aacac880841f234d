package org.opsdesk.operations.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Puts the operation page together from the facades, each of which checks the caller again. */
@Component
class OperationDetails {

    private final OperationQueries operations;
    private final Approvals approvals;
    private final Workflows workflows;
    private final List<OperationPagePanel> panels;
    private final JsonMapper json;

    OperationDetails(
            OperationQueries operations,
            Approvals approvals,
            Workflows workflows,
            ObjectProvider<OperationPagePanel> panels,
            JsonMapper json) {
        this.operations = operations;
        this.approvals = approvals;
        this.workflows = workflows;
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(OperationPagePanel::order).thenComparing(OperationPagePanel::name))
                .toList();
        this.json = json;
    }

    DetailView view(UUID id, Actor actor) {
        OperationSnapshot op = operations.get(id, actor);
        String type = op.type();
        WorkflowDefinition workflow = workflows.version(type, op.workflowVersion());
        var moves = operations.availableMoves(id, actor).stream()
                .map(m -> MoveButton.of(
                        m, workflow.stage(m.to()).map(s -> s.terminal()).orElse(false)))
                .sorted(Comparator.comparing(MoveButton::terminal))
                .toList();
        String approve = OperationPermissions.approve(type);
        var pending = approvals.pendingOn(id, actor).stream()
                .map(r -> {
                    boolean mine = r.maker().principalKey().equals(actor.principalKey());
                    boolean voted = r.approvals().stream()
                            .anyMatch(a -> a.checker().principalKey().equals(actor.principalKey()));
                    return new DetailView.PendingApproval(r, approve, !mine && !voted && actor.may(approve), mine);
                })
                .toList();
        var timeline = new ArrayList<TimelineItem>();
        operations.history(id, actor).forEach(e -> timeline.add(item(e)));
        timeline.sort(Comparator.comparing(TimelineItem::at)
                .thenComparing(TimelineItem::seq)
                .reversed());
        return new DetailView(
                op,
                attributes(op.attributesJson()),
                moves,
                pending,
                timeline,
                operations.verify(id, actor),
                op.assignee() == null && actor.may(OperationPermissions.claim(type)),
                op.assignee() != null
                        && (op.assignee().equals(actor.id()) || actor.may(OperationPermissions.assign(type))),
                actor.may(OperationPermissions.comment(type)),
                panels);
    }

    /**
     * The entry as the timeline words it: the message key suffix ({@code assigned.claim}, {@code
     * transitioned.approved}) and what fills it (the assignee, the requested stage, the checkers).
     */
    private TimelineItem item(HistoryEntry e) {
        return switch (e.kind()) {
            case HistoryEntry.ASSIGNED -> {
                JsonNode changes = json.readTree(e.changesJson());
                yield TimelineItem.of(
                        e,
                        HistoryEntry.ASSIGNED + "." + changes.path("action").asString("assign"),
                        changes.path("assignee")
                                .asString(changes.path("previousAssignee").asString("")));
            }
            case HistoryEntry.APPROVAL_REQUESTED,
                    HistoryEntry.APPROVAL_GIVEN,
                    HistoryEntry.APPROVAL_DECLINED,
                    HistoryEntry.APPROVAL_VOIDED ->
                TimelineItem.of(
                        e,
                        e.kind(),
                        json.readTree(e.changesJson()).path("toStage").asString(""));
            case HistoryEntry.TRANSITIONED -> {
                String checkers = approvedBy(json.readTree(e.changesJson()));
                yield checkers == null
                        ? TimelineItem.of(e, e.kind(), null)
                        : TimelineItem.of(e, e.kind() + ".approved", checkers);
            }
            default -> TimelineItem.of(e, e.kind(), null);
        };
    }

    /** The names of the checkers of a move that applied by approval, comma-separated; null for an ordinary move. */
    private static @Nullable String approvedBy(JsonNode changes) {
        JsonNode checkers = changes.path("approvedBy");
        if (!checkers.isArray() || checkers.isEmpty()) {
            return null;
        }
        var names = new ArrayList<String>();
        checkers.forEach(c -> names.add(c.path("name").asString("")));
        return String.join(", ", names);
    }

    private Map<String, String> attributes(String attributesJson) {
        var shown = new LinkedHashMap<String, String>();
        JsonNode node = json.readTree(attributesJson);
        node.properties()
                .forEach(entry -> shown.put(
                        entry.getKey(),
                        entry.getValue().isValueNode()
                                ? entry.getValue().asString()
                                : entry.getValue().toString()));
        return shown;
    }
}
