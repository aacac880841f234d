package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exports}: the CSV export of operations for integrators (the filter parameters of {@code GET
 * /api/v1/operations}, plus {@code bom} and {@code separator}) and the list of past exports. A bad parameter is a
 * 422 problem before any CSV is sent.
 */
@RestController
@RequiresPermission(ExportPermissions.RUN)
class ExportApi {

    /** A page of past exports, newest first; {@code next} is the cursor of the following page, if any. */
    public record Page(List<ExportRun> items, @Nullable String next) {}

    private final OperationExport export;
    private final ExportRuns runs;

    ExportApi(OperationExport export, ExportRuns runs) {
        this.export = export;
        this.runs = runs;
    }

    @GetMapping(path = "/api/v1/exports/operations.csv", produces = "text/csv")
    void operations(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        var checked = export.prepare(request::getParameter, actor);
        export.respond(checked, actor, "api", response);
    }

    /** Callers with {@code audit:view} see everyone's exports; others their own. */
    @GetMapping(path = "/api/v1/exports", produces = "application/json")
    Page list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        return page(runs, actor, cursor, Keyset.limit(limit));
    }

    static Page page(ExportRuns runs, Actor actor, @Nullable String cursor, int limit) {
        var items = new java.util.ArrayList<>(
                runs.list(actor.may("audit:view") ? null : actor, Keyset.timeAndId(cursor), limit));
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            ExportRun last = items.get(limit - 1);
            next = new Keyset.TimeAndId(last.startedAt(), last.id()).cursor();
        }
        return new Page(items, next);
    }
}
