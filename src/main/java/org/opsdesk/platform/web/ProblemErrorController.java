package org.opsdesk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opsdesk.shared.RequiresPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in a servlet filter, or in the container) reach {@code /error}; they too
 * are answered as problems, without stack traces or internals; console pages asking for HTML get an HTML page.
 */
@RestController
@RequiresPermission(RequiresPermission.ANYONE) // errors of any request, signed in or not, are rendered here
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    /** Console pages: the same status as a readable page, without internals. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object page(HttpServletRequest request) {
        if (!ErrorPages.wanted(request)) {
            return error(request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        logFailure(request);
        return ErrorPages.page(code instanceof Integer value ? value : 500);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        logFailure(request);
        HttpStatus known = HttpStatus.resolve(status);
        String slug = status >= 500
                ? "internal-error"
                : known == null
                        ? "http-" + status
                        : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String title = status >= 500 ? "Internal error" : known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "the request failed on our side; quote the requestId when reporting it" : title;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, slug, title, detail, List.of()));
    }

    private static void logFailure(HttpServletRequest request) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable) {
            log.error(
                    "Request to {} failed outside the MVC layer",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    throwable);
        }
    }
}
