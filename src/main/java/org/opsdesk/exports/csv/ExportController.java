package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's exports: {@code /exports} lists past exports (everyone's with {@code exports:audit}, otherwise the
 * operator's own) above a form to export a filter; {@code /exports/operations.csv} is the download, a link any
 * filtered list can offer. A filter the export cannot use brings the operator back to the form with the reason
 * beside it, never to a half file.
 */
@Controller
@RequiresPermission(ExportPermissions.RUN)
class ExportController {

    private static final int PAGE_SIZE = 50;

    private final OperationExport export;
    private final ExportRuns runs;
    private final MessageSource messages;

    ExportController(OperationExport export, ExportRuns runs, MessageSource messages) {
        this.export = export;
        this.runs = runs;
        this.messages = messages;
    }

    @GetMapping("/exports")
    ModelAndView list(@RequestParam(required = false) @Nullable String cursor, Actor actor) {
        return page(actor, cursor);
    }

    @GetMapping("/exports/operations.csv")
    @Nullable
    ModelAndView download(HttpServletRequest request, HttpServletResponse response, Actor actor, Locale locale)
            throws IOException {
        OperationExport.Request checked;
        try {
            checked = export.prepare(request::getParameter, actor);
        } catch (InvalidInput refused) {
            FieldError first = refused.errors().get(0);
            String field = messages.getMessage("exports.field." + first.field(), null, first.field(), locale);
            var page = page(actor, null)
                    .addObject("errorField", first.field())
                    .addObject(
                            "error",
                            messages.getMessage(
                                    "exports.error.invalid", new Object[] {field, first.message()}, locale));
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
        try {
            export.respond(checked, actor, "console", response);
        } catch (TooManyExports busy) {
            var page = page(actor, null).addObject("error", messages.getMessage("exports.error.busy", null, locale));
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            return page;
        }
        return null;
    }

    private ModelAndView page(Actor actor, @Nullable String cursor) {
        var page = ExportApi.page(runs, actor, cursor, PAGE_SIZE);
        return new ModelAndView("exports/list")
                .addObject("runs", page.items())
                .addObject("next", page.next())
                .addObject("everyone", actor.may(ExportPermissions.AUDIT));
    }
}
