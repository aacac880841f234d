package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Exports the operations a filter matches as CSV, in two steps so that nothing is sent before everything the
 * caller gave has been checked: {@link #prepare} reads and validates the filter and options (422 naming the
 * parameter), {@link #write} records the start, reads every row into a spool file, sends it and records how it ended
 * — completed, failed (the database or the application broke off) or cancelled (the client went away) — with rows,
 * bytes and time. {@link #respond} first takes one of the {@link ExportSlots}: past the limits the export is refused
 * (429, audited as refused) instead of queued.
 */
@Service
class OperationExport {

    private static final Logger log = LoggerFactory.getLogger(OperationExport.class);
    private static final int RESPONSE_BUFFER = 64 * 1024;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A checked request: what to export, how, and the filter as given (for the audit and for links). */
    record Request(OperationFilter filter, CsvOptions options, String filterText) {}

    /** How a finished export went, for the caller's log. */
    record Result(UUID id, long rows, long bytes) {}

    /** How long a refused caller is asked to wait ({@code Retry-After}): about one large export. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final OperationQueries operations;
    private final OperationFilters filters;
    private final ExportRuns runs;
    private final ExportSlots slots;
    private final Path spoolDirectory;
    private final Clock clock;

    OperationExport(
            OperationQueries operations,
            OperationFilters filters,
            ExportRuns runs,
            ExportSlots slots,
            @Value("${opsdesk.exports.spool-dir:${java.io.tmpdir}}") Path spoolDirectory,
            Clock clock) {
        this.operations = operations;
        this.filters = filters;
        this.runs = runs;
        this.slots = slots;
        this.spoolDirectory = spoolDirectory;
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
     * {@code X-Export-Id}; or, when this node or this principal runs as many exports as allowed, records the
     * refusal and throws {@link TooManyExports} with {@code Retry-After} set.
     */
    Result respond(Request request, Actor actor, String channel, HttpServletResponse response) throws IOException {
        UUID id = UUID.randomUUID();
        var slot = slots.tryTake(actor);
        if (slot.isEmpty()) {
            Instant now = clock.instant();
            runs.start(id, channel, actor, request.filterText(), request.options(), now);
            runs.finish(id, ExportRuns.Outcome.REFUSED, 0, 0, 0, TooManyExports.WHY, now);
            log.warn("Export refused for {}: {}", actor.principalKey(), TooManyExports.WHY);
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            throw new TooManyExports(RETRY_AFTER_SECONDS);
        }
        try (var taken = slot.get()) {
            return respond(id, request, actor, channel, response);
        }
    }

    private Result respond(UUID id, Request request, Actor actor, String channel, HttpServletResponse response)
            throws IOException {
        String file = "operations-" + FILE_TIME.format(clock.instant()) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Export-Id", id.toString());
        response.setBufferSize(RESPONSE_BUFFER); // fewer, larger chunks on the wire than the container's 8 KB
        return write(id, request, actor, channel, response.getOutputStream());
    }

    /**
     * Reads the export into a spool file, sends it to {@code out} and audits it. The database is read at its own
     * speed and its connection released before the first byte goes to the client, so a slow or stalled client
     * holds a thread and a file, never a pooled connection or a transaction. An error while reading leaves the
     * response untouched (a plain 500); one after the first byte cannot change the status any more: it is recorded
     * and thrown on as {@link ExportBrokenOff}, which the container answers by cutting the connection (see {@link
     * ExportBrokenOffAdvice}), so the client sees an incomplete download rather than a file that looks whole.
     */
    Result write(UUID id, Request request, Actor actor, String channel, OutputStream out) {
        Instant started = clock.instant();
        runs.start(id, channel, actor, request.filterText(), request.options(), started);
        long begun = System.nanoTime();
        long[] sent = {0};
        boolean sending = false;
        OperationCsvWriter csv = null;
        try (ExportSpool spool = ExportSpool.create(spoolDirectory)) {
            csv = new OperationCsvWriter(spool.output(), request.options());
            long rows = operations.export(request.filter(), actor, csv::write);
            csv.flush();
            sending = true;
            spool.sendTo(out, total -> sent[0] = total);
            runs.finish(id, ExportRuns.Outcome.COMPLETED, rows, sent[0], millisSince(begun), null, clock.instant());
            return new Result(id, rows, sent[0]);
        } catch (RuntimeException e) {
            boolean clientLeft = sending && causedByIo(e);
            var outcome = clientLeft ? ExportRuns.Outcome.CANCELLED : ExportRuns.Outcome.FAILED;
            String why = clientLeft
                    ? "the client closed the connection"
                    : e.getClass().getSimpleName();
            long rows = csv == null ? 0 : csv.rows();
            runs.finish(id, outcome, rows, sent[0], millisSince(begun), why, clock.instant());
            if (!clientLeft) {
                log.error("Export {} failed after {} rows", id, rows, e);
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
