package org.opsdesk.bench.transitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsdesk.bench.load.OpenModel;
import org.opsdesk.bench.load.Run;

/** What the load phases measured, for the report. */
final class RunResults {
    /** Per client count: the API's run and the raw-SQL run. */
    final List<Run[]> transitions = new ArrayList<>();

    final List<Run> creations = new ArrayList<>();
    final List<OpenModel.Result> open = new ArrayList<>();
    final Map<String, String> warmupErrors = new LinkedHashMap<>();
    int apiEventBytes;
    double rawEventBytes;
    long outboxUnpublished;
    long outboxRows;

    Run[] find(int clients) {
        return transitions.stream()
                .filter(r -> r[0].clients() == clients)
                .findFirst()
                .orElse(null);
    }
}
