package org.opsdesk.workflow.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.WorkflowPagePanel;
import org.opsdesk.workflow.WorkflowPermissions;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /workflows}: the operation types in force, and each one's definition drawn as a diagram, with its stages
 * and transitions as tables. What other modules know of a workflow (the notifications each stage sets off) they
 * serve into the page themselves ({@link WorkflowPagePanel}).
 */
@Controller
class WorkflowPages {

    private final Workflows workflows;
    private final MessageSource messages;
    private final List<WorkflowPagePanel> panels;
    /** Drawn diagrams by type, version and language: a version never changes, and laying one out takes a while. */
    private final Map<String, String> diagrams = new ConcurrentHashMap<>();

    WorkflowPages(Workflows workflows, MessageSource messages, ObjectProvider<WorkflowPagePanel> panels) {
        this.workflows = workflows;
        this.messages = messages;
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(WorkflowPagePanel::order).thenComparing(WorkflowPagePanel::name))
                .toList();
    }

    @RequiresPermission(WorkflowPermissions.VIEW)
    @GetMapping("/workflows")
    ModelAndView list() {
        return new ModelAndView("workflows/list").addObject("workflows", workflows.all());
    }

    @RequiresPermission(WorkflowPermissions.VIEW)
    @GetMapping("/workflows/{type}")
    ModelAndView show(@PathVariable String type, Locale locale) {
        WorkflowDefinition definition = workflows.current(type).orElseThrow(() -> new NotFound("workflow", type));
        String diagram = diagrams.computeIfAbsent(
                type + ":" + definition.version() + ":" + locale.toLanguageTag(), key -> draw(definition, locale));
        return new ModelAndView("workflows/show")
                .addObject("workflow", definition)
                .addObject("diagram", diagram)
                .addObject("panels", panels);
    }

    private String draw(WorkflowDefinition definition, Locale locale) {
        var words = new WorkflowDiagram.Words(
                messages.getMessage("workflows.diagram.title", new Object[] {definition.type()}, locale),
                status -> messages.getMessage("status." + status.name(), null, locale),
                trigger -> messages.getMessage("workflows.trigger." + trigger.code(), null, locale));
        return WorkflowDiagram.render(definition, words);
    }
}
