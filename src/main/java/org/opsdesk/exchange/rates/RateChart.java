package org.opsdesk.exchange.rates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of a pair page's chart: the shown history entries oldest first, as JSON the page carries for
 * {@code /js/exchange-rates.js} (Chart.js). Rates are strings in the JSON, so no digit is lost to a double before
 * the chart itself draws them; the history table beside the chart holds the same numbers.
 */
@Component
class RateChart {

    private final JsonMapper json;

    RateChart(JsonMapper json) {
        this.json = json;
    }

    String json(List<RateChange> newestFirst) {
        var oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        Map<String, List<String>> data = new LinkedHashMap<>();
        data.put("at", oldestFirst.stream().map(c -> c.changedAt().toString()).toList());
        data.put("buy", oldestFirst.stream().map(c -> c.buy().toPlainString()).toList());
        data.put("sell", oldestFirst.stream().map(c -> c.sell().toPlainString()).toList());
        // the page embeds it in a <script type="application/json">: no "</script>" may close it early
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
