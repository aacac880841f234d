package org.opsdesk.reports.dashboard;

import java.util.Map;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures for integrators, over the operation types the key may view. */
@RestController
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @RequiresPermission(Dashboard.REPORTS_VIEW)
    @GetMapping(path = "/api/v1/reports/dashboard", produces = "application/json")
    Map<String, Object> dashboard(Actor actor) {
        return DashboardJson.of(dashboard.of(actor));
    }
}
