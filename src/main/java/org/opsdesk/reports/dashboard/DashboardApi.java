package org.opsdesk.reports.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures for integrators, over the operation types the key may view. */
@Tag(name = "Reports")
@RestController
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @RequiresPermission(Dashboard.REPORTS_VIEW)
    @GetMapping(path = "/api/v1/reports/dashboard", produces = "application/json")
    @Operation(
            operationId = "getDashboard",
            summary = "Read the dashboard figures",
            description =
                    "Counts by type and status, backlog by age, SLA breaches, created and completed per day, time"
                            + " in stage and per-operator throughput, over the operation types the caller may view. Durations are seconds, days ISO dates in UTC.")
    @ApiResponse(
            responseCode = "200",
            description = "The dashboard.",
            content = @Content(schema = @Schema(implementation = DashboardSchema.class)))
    Map<String, Object> dashboard(Actor actor) {
        return DashboardJson.of(dashboard.of(actor));
    }
}
