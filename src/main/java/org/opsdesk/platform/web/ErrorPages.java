package org.opsdesk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import org.opsdesk.shared.RequestIds;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of console pages as a readable HTML page (browsers ask for {@code text/html}); the API, and every client
 * that does not ask for HTML, keeps getting problem documents.
 */
final class ErrorPages {

    static final String VIEW = "platform/error";

    private ErrorPages() {}

    /** A request outside {@code /api/} whose client accepts HTML by name (not merely through a wildcard). */
    static boolean wanted(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String value ? value : request.getRequestURI();
        if (uri.substring(Math.min(request.getContextPath().length(), uri.length()))
                .startsWith("/api/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static ModelAndView page(int status) {
        var model = new HashMap<String, Object>();
        model.put("status", status);
        model.put(
                "kind",
                status == 403 || status == 404 || status == 413
                        ? String.valueOf(status)
                        : status >= 500 ? "500" : "4xx");
        model.put("requestId", RequestIds.current() == null ? "" : RequestIds.current());
        return new ModelAndView(VIEW, model, HttpStatusCode.valueOf(status));
    }
}
