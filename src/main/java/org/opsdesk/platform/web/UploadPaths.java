package org.opsdesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The few paths that take files larger than a form or a JSON body (bank statements): requests to them may carry up
 * to {@code opsdesk.uploads.max-bytes}; the handler behind each checks the size again with a problem of its own.
 *
 * @param prefixes path prefixes (without the context path), e.g. {@code /api/v1/exchange/statements}
 */
record UploadPaths(List<String> prefixes, long maxBytes) {

    UploadPaths {
        prefixes = List.copyOf(prefixes);
    }

    /** The body limit of this request: the upload limit on an upload path, else {@code normal}. */
    long limitFor(HttpServletRequest request, long normal) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?")) {
                return Math.max(normal, maxBytes);
            }
        }
        return normal;
    }
}
