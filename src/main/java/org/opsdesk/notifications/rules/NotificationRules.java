package org.opsdesk.notifications.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsdesk.operations.OperationEvent;

/**
 * The notification rules in force, validated at start-up against the workflows: what a status change or an attribute
 * edit calls for. The delivery engine asks {@link #plan(OperationEvent)} for every relayed event and sends (or offers,
 * for manual rules) what it returns.
 */
public class NotificationRules {

    private final List<NotificationRule> rules;
    private final Map<String, String> teamMailboxes;

    /** @param teamMailboxes role name → the team's mailbox address */
    public NotificationRules(List<NotificationRule> rules, Map<String, String> teamMailboxes) {
        this.rules = List.copyOf(rules);
        this.teamMailboxes = Map.copyOf(teamMailboxes);
    }

    public List<NotificationRule> all() {
        return rules;
    }

    public Optional<NotificationRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Every notification the change calls for, in rule order, with the recipient where the rule determines it. Two
     * rules that would send the same message (template, channel and mode) to the same recipient for one change —
     * a type's "every change to the managers" beside the general "every error to the managers", say — send it
     * once: the first in rule order stands.
     */
    public List<NotificationPlan> plan(OperationEvent event) {
        var plans = new ArrayList<NotificationPlan>();
        var sameMessage = new HashSet<String>();
        for (NotificationRule rule : rules) {
            if (rule.matches(event)) {
                NotificationPlan plan = plan(rule, event);
                if (rule.template() == null
                        || sameMessage.add(String.join(
                                "|",
                                rule.audience().name(),
                                String.valueOf(rule.role()),
                                String.valueOf(plan.recipient()),
                                rule.channel().name(),
                                rule.template(),
                                rule.mode().name()))) {
                    plans.add(plan);
                }
            }
        }
        return plans;
    }

    private NotificationPlan plan(NotificationRule rule, OperationEvent event) {
        return switch (rule.audience()) {
            case CLIENT -> new NotificationPlan(rule, event.operation().subject(), null);
            case ASSIGNEE -> {
                String assignee = event.operation().assignee();
                yield assignee == null
                        ? new NotificationPlan(rule, null, "the operation is not assigned to anyone")
                        : new NotificationPlan(rule, assignee, null);
            }
            case TEAM -> {
                String mailbox = teamMailboxes.get(rule.role());
                yield mailbox == null || mailbox.isBlank()
                        ? new NotificationPlan(
                                rule,
                                null,
                                "no team mailbox is configured for role '" + rule.role()
                                        + "' (opsdesk.notifications.team-mailboxes." + rule.role() + ")")
                        : new NotificationPlan(rule, mailbox, null);
            }
            case WEBHOOKS -> new NotificationPlan(rule, null, null);
        };
    }
}
