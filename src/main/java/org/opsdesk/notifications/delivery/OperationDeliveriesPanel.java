package org.opsdesk.notifications.delivery;

import java.util.UUID;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The {@code deliveries} panel {@code notifications} serves into the operation page (see {@link
 * OperationPagePanel}): what was sent about the operation, by every channel, newest first. An operation the caller
 * may not see is "not found". It reloads when the manual notifications panel says one was sent.
 */
@Controller
class OperationDeliveriesPanel {

    /** The most deliveries the panel lists; an operation rarely has more than a handful. */
    private static final int DELIVERIES_SHOWN = 50;

    private final DeliveryStore deliveries;
    private final OperationQueries operations;

    OperationDeliveriesPanel(DeliveryStore deliveries, OperationQueries operations) {
        this.deliveries = deliveries;
        this.operations = operations;
    }

    @Bean
    static OperationPagePanel deliveriesPanel() {
        return new OperationPagePanel("deliveries", OperationPagePanel.Placement.TIMELINE, 100);
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/operations/{id}/panels/deliveries")
    String deliveries(@PathVariable UUID id, Actor actor, Model model) {
        operations.get(id, actor);
        model.addAttribute("operationId", id);
        // every type: the operation's visibility was checked above
        model.addAttribute("deliveries", deliveries.list(null, id, null, null, null, null, null, DELIVERIES_SHOWN));
        return "notifications/operation-panels :: deliveries";
    }
}
