package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.Operations;
import org.opsdesk.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Exports the operations a filter matches as CSV, in two steps so that nothing is sent before everything the
 * caller gave has been checked: {@link #prepare} reads and validates the filter and options (422 naming the
 * parameter), {@link #write} records the start, streams every row and records how it ended — completed, failed
 * (the database or the application broke off) or cancelled (the client went away) — with rows, bytes and time.
 */
@Service
class OperationExport {

    private static final Logger log = LoggerFactory.getLogger(OperationExport.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A checked request: what to export, how, and the filter as given (for the audit and for links). */
    record Request(OperationFilter filter, CsvOptions options, String filterText) {}

    /** How a finished export went, for the caller's log. */
    record Result(UUID id, long rows, long bytes) {}

    private final Operations operations;
    private final OperationFilters filters;
    private final ExportRuns runs;
    private final Clock clock;

    OperationExport(Operations operations, OperationFilters filters, ExportRuns runs, Clock clock) {
        this.operations = operations;
        this.filters = filters;
        this.runs = runs;
        this.clock = clock;
    }

    /** The request these parameters describe, or {@link org.opsdesk.shared.InvalidInput} before anything is sent. */
    Request prepare(Function<String, @Nullable String> parameter, Actor actor) {
        OperationFilter filter = filters.fromParameters(parameter, actor);
        CsvOptions options = CsvOptions.fromParameters(parameter);
        return new Request(filter, options, filterText(parameter));
    }

    /**
     * Answers with the CSV as an attachment ({@code operations-20261205T212500Z.csv}), its audit id in
     * {@code X-Export-Id}, streamed as it is written.
     */
    Result respond(Request request, Actor actor, String channel, HttpServletResponse response) throws IOException {
        UUID id = UUID.randomUUID();
        String file = "operations-" + FILE_TIME.format(clock.instant()) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Export-Id", id.toString());
        return write(id, request, actor, channel, response.getOutputStream());
    }

    /**
     * Streams the export to {@code out} and audits it. An error after the first byte cannot change the response
     * status any more: it is recorded and thrown on as {@link ExportBrokenOff}, which the container answers by
     * cutting the connection (see {@link ExportBrokenOffAdvice}), so the client sees an incomplete download rather
     * than a file that looks whole.
     */
    Result write(UUID id, Request request, Actor actor, String channel, OutputStream out) {
        Instant started = clock.instant();
        runs.start(id, channel, actor, request.filterText(), request.options(), started);
        long begun = System.nanoTime();
        OperationCsvWriter csv = null;
        try {
            csv = new OperationCsvWriter(out, request.options());
            long rows = operations.export(request.filter(), actor, csv::write);
            csv.flush();
            runs.finish(id, ExportRuns.Outcome.COMPLETED, rows, csv.bytes(), millisSince(begun), null, clock.instant());
            return new Result(id, rows, csv.bytes());
        } catch (RuntimeException e) {
            boolean clientLeft = causedByIo(e);
            var outcome = clientLeft ? ExportRuns.Outcome.CANCELLED : ExportRuns.Outcome.FAILED;
            String why = clientLeft
                    ? "the client closed the connection"
                    : e.getClass().getSimpleName();
            runs.finish(
                    id,
                    outcome,
                    csv == null ? 0 : csv.rows(),
                    csv == null ? 0 : csv.bytes(),
                    millisSince(begun),
                    why,
                    clock.instant());
            if (!clientLeft) {
                log.error("Export {} failed after {} rows", id, csv == null ? 0 : csv.rows(), e);
            }
            throw new ExportBrokenOff(id, e);
        }
    }

    // The filter parameters exactly as given, in a fixed order, for the audit and for "export again" links.
    private static String filterText(Function<String, @Nullable String> parameter) {
        var text = new StringBuilder();
        for (String name : OperationFilters.PARAMETERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                text.append(text.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static boolean causedByIo(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
