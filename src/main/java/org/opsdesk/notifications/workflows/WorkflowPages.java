package org.opsdesk.notifications.workflows;

import java.util.List;
import java.util.Locale;
import org.opsdesk.notifications.rules.NotificationRule;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.WorkflowPermissions;
import org.opsdesk.workflow.Workflows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /workflows}: the operation types in force, and each one's definition drawn as a diagram with the same
 * transitions as a table and the notification rules each stage sets off. Here rather than in {@code workflow},
 * which must not know the notification rules.
 */
@Controller
class WorkflowPages {

    /** A stage and the rules entering it sets off. */
    record StageRules(Stage stage, List<NotificationRule> rules) {}

    private final Workflows workflows;
    private final NotificationRules rules;
    private final MessageSource messages;

    WorkflowPages(Workflows workflows, NotificationRules rules, MessageSource messages) {
        this.workflows = workflows;
        this.rules = rules;
        this.messages = messages;
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
        var words = new WorkflowDiagram.Words(
                messages.getMessage("workflows.diagram.title", new Object[] {type}, locale),
                status -> messages.getMessage("status." + status.name(), null, locale),
                trigger -> messages.getMessage("workflows.trigger." + trigger.code(), null, locale));
        var stageRules = definition.stages().stream()
                .map(stage -> new StageRules(stage, rulesEntering(type, stage)))
                .toList();
        return new ModelAndView("workflows/show")
                .addObject("workflow", definition)
                .addObject("diagram", WorkflowDiagram.render(definition, words))
                .addObject("stageRules", stageRules);
    }

    private List<NotificationRule> rulesEntering(String type, Stage stage) {
        return rules.all().stream()
                .filter(rule -> rule.types().isEmpty()
                        || rule.types().contains("*")
                        || rule.types().contains(type))
                .filter(rule -> rule.stage() != null
                        ? rule.stage().equals(stage.code())
                        : rule.status() == null || rule.status() == stage.status())
                .toList();
    }
}
