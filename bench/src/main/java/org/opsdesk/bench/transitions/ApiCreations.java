package org.opsdesk.bench.transitions;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.http.HttpError;
import org.opsdesk.bench.load.Worker;

/**
 * The Java clients of {@code POST /api/v1/operations}: a withdrawal of 125.50 EUR with three attributes and a
 * reference unique per client and run (the body bench/wrk/create.lua sends too), over the JDK HttpClient; success =
 * 201.
 */
public final class ApiCreations {

    public static final String URI = "/api/v1/operations";

    private final ApiRequests api;

    public ApiCreations(ApiRequests api) {
        this.api = api;
    }

    /** Client {@code c} of a run named {@code runId}. */
    public Worker worker(String runId, int c) {
        HttpClient http = ApiRequests.newClient();
        return new Worker() {
            long n;

            @Override
            public int step() throws Exception {
                n++;
                String body = "{\"type\":\"withdrawal\",\"reference\":\"BENCH-" + runId + "-" + c + "-" + n
                        + "\",\"subject\":\"client-" + ((c * 7919L + n) % 200000)
                        + "\",\"amount\":{\"value\":\"125.50\",\"currency\":\"EUR\"},"
                        + "\"attributes\":{\"channel\":\"api\",\"country\":\"DE\",\"riskScore\":7}}";
                var response = http.send(
                        api.request(URI)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new HttpError(response.statusCode(), response.body());
                }
                return 201;
            }
        };
    }
}
