package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletRequest;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.operations.OperationListPanel;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operations list's Export CSV control, which the list loads as a panel ({@link OperationListPanel}) with its
 * current filter: a link to {@code /exports/operations.csv} with that filter, or nothing at all for an operator
 * without {@code exports:run} — a control that would lead to "not allowed" is not shown. The filter is checked by
 * the download itself, which brings the operator to the export form with the reason when it cannot be used.
 */
@Controller
class ExportListPanel {

    static final String NAME = "export-csv";

    @Bean
    static OperationListPanel exportCsvPanel() {
        return new OperationListPanel(NAME, 100);
    }

    /** Opened with the list, so it needs what the list needs; whether to offer the export is decided here. */
    @RequiresPermission("{type}:view")
    @GetMapping("/operations/panels/" + NAME)
    String exportControl(HttpServletRequest request, Actor actor, Model model) {
        if (!actor.may(ExportPermissions.RUN)) {
            return "exports/list-panels :: nothing";
        }
        String query = request.getQueryString();
        model.addAttribute(
                "exportHref", "/exports/operations.csv" + (query == null || query.isEmpty() ? "" : "?" + query));
        return "exports/list-panels :: exportCsv";
    }
}
