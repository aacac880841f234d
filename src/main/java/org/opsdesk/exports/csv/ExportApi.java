package org.opsdesk.exports.csv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.operations.OperationFilterParameters;
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
@Tag(name = "Exports")
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
    @Operation(
            operationId = "exportOperations",
            summary = "Export operations as CSV",
            description =
                    "Streams the operations the filter selects (the parameters of `GET /api/v1/operations`) as CSV;"
                            + " each export is audited. A bad parameter is refused before any CSV is sent.")
    @OperationFilterParameters
    @Parameter(
            name = "bom",
            in = ParameterIn.QUERY,
            description = "`true` to start with a UTF-8 byte order mark, for spreadsheets that need one.",
            schema = @Schema(type = "boolean"))
    @Parameter(
            name = "separator",
            in = ParameterIn.QUERY,
            description = "The field separator: `;` for spreadsheets in locales whose decimal separator is a comma.",
            schema =
                    @Schema(
                            type = "string",
                            allowableValues = {",", ";"}))
    @ApiResponse(
            responseCode = "200",
            description = "The CSV, one header line and one line per operation.",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            name = "csv",
                                            value =
                                                    "id,type,reference,status,stage,subject,amount,currency,assignee,created_at,updated_at,"
                                                            + "due_at,version,attributes\n0b6f9a52-6f4e-4c1f-9a3e-2f5c7d8e9a10,withdrawal,"
                                                            + "WD-2026-000123,PENDING,review,client-4711,250.00,EUR,,2026-12-01T09:30:00Z,"
                                                            + "2026-12-01T09:30:00Z,,1,{}\n")))
    void operations(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        var checked = export.prepare(request::getParameter, actor);
        export.respond(checked, actor, "api", response);
    }

    /** Callers with {@code exports:audit} see everyone's exports; others their own. */
    @GetMapping(path = "/api/v1/exports", produces = "application/json")
    @Operation(
            operationId = "listExports",
            summary = "List past exports",
            description = "Past exports, newest first, in keyset pages; `next` is the cursor of the following page."
                    + " Holders of `exports:audit` see everyone's exports, others their own.")
    Page list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        return page(runs, actor, cursor, Keyset.limit(limit));
    }

    static Page page(ExportRuns runs, Actor actor, @Nullable String cursor, int limit) {
        var items = new java.util.ArrayList<>(
                runs.list(actor.may(ExportPermissions.AUDIT) ? null : actor, Keyset.timeAndId(cursor), limit));
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            ExportRun last = items.get(limit - 1);
            next = new Keyset.TimeAndId(last.startedAt(), last.id()).cursor();
        }
        return new Page(items, next);
    }
}
