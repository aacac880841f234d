package org.opsdesk.notifications.workflows;

import java.util.List;
import org.opsdesk.notifications.rules.NotificationRule;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.WorkflowPagePanel;
import org.opsdesk.workflow.WorkflowPermissions;
import org.opsdesk.workflow.Workflows;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The notification rules each stage of a workflow sets off, served into the workflow's page ({@code workflow} owns
 * the page and must not know the rules): {@code /workflows/{type}/panels/notifications}.
 */
@Controller
class StageRulesPanel {

    /** A stage and the rules entering it sets off. */
    record StageRules(Stage stage, List<NotificationRule> rules) {}

    private final Workflows workflows;
    private final NotificationRules rules;

    StageRulesPanel(Workflows workflows, NotificationRules rules) {
        this.workflows = workflows;
        this.rules = rules;
    }

    @Bean
    static WorkflowPagePanel stageRulesPagePanel() {
        return new WorkflowPagePanel("notifications", 100);
    }

    @RequiresPermission(WorkflowPermissions.VIEW)
    @GetMapping("/workflows/{type}/panels/notifications")
    ModelAndView stageRules(@PathVariable String type) {
        WorkflowDefinition definition = workflows.current(type).orElseThrow(() -> new NotFound("workflow", type));
        var stageRules = definition.stages().stream()
                .map(stage -> new StageRules(stage, rulesEntering(type, stage)))
                .toList();
        return new ModelAndView("notifications/workflow-panels :: stage-rules").addObject("stageRules", stageRules);
    }

    private List<NotificationRule> rulesEntering(String type, Stage stage) {
        return rules.all().stream()
                .filter(rule -> rule.types().isEmpty()
                        || rule.types().contains("*")
                        || rule.types().contains(type))
                .filter(rule -> !rule.onAttributes()) // set off by an attribute edit, not by entering a stage
                .filter(rule -> rule.stage() != null
                        ? rule.stage().equals(stage.code())
                        : rule.status() == null || rule.status() == stage.status())
                .toList();
    }
}
