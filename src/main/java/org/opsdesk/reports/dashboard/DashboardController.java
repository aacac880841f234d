package org.opsdesk.reports.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.Status;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's start page: the dashboard over the types the operator may view. The charts are drawn by
 * {@code /js/dashboard.js} from the JSON in the page; the tables beside them hold the same numbers.
 */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final MessageSource messages;
    private final JsonMapper json;

    DashboardController(Dashboard dashboard, MessageSource messages, JsonMapper json) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    @RequiresPermission(RequiresPermission.SIGNED_IN)
    ModelAndView dashboard(Actor actor, Locale locale) {
        DashboardView view = dashboard.of(actor);
        var data = new LinkedHashMap<String, Object>(DashboardJson.of(view));
        data.put("labels", labels(locale));
        return new ModelAndView("reports/dashboard")
                .addObject("view", view)
                .addObject("chartData", scriptSafe(json.writeValueAsString(data)));
    }

    /** The words the charts show, in the page's language. */
    private Map<String, String> labels(Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        for (Status status : Status.values()) {
            labels.put(status.name(), messages.getMessage("status." + status.name(), null, locale));
        }
        for (AgeBucket bucket : AgeBucket.values()) {
            labels.put(bucket.name(), messages.getMessage("reports.backlog." + bucket.name(), null, locale));
        }
        for (String key : new String[] {"created", "completed", "median", "p90", "pending", "hours", "minutes"}) {
            labels.put(key, messages.getMessage("reports.chart." + key, null, locale));
        }
        return labels;
    }

    /** JSON inside a script element: no "</script>" or comment opener can end or bend it. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
