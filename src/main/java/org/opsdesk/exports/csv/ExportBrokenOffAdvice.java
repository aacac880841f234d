package org.opsdesk.exports.csv;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Keeps an error in the middle of a CSV download from being answered like any other: the platform's problem
 * advice would append a JSON problem to the half-sent file and end it normally, a 200 that hides the error. Once
 * bytes are out, the exception goes on to the servlet container, which closes the connection without ending the
 * chunked body, so every client sees an incomplete download. Before any byte left, the response is still a plain
 * 500 problem.
 */
@ControllerAdvice(assignableTypes = {ExportController.class, ExportApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportBrokenOffAdvice {

    @ExceptionHandler(ExportBrokenOff.class)
    void brokenOff(ExportBrokenOff error, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            throw error;
        }
        response.reset();
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
