package org.opsdesk.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.ProblemException.FieldError;
import org.opsdesk.shared.RequestIds;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem bodies the same way for the advice and for servlet filters. */
final class Problems {

    private Problems() {}

    static URI type(String slug) {
        return URI.create("urn:opsdesk:problem:" + slug);
    }

    static ProblemDetail of(int status, String slug, String title, @Nullable String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        problem.setType(type(slug));
        problem.setTitle(title);
        problem.setDetail(detail);
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                            .toList());
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    static ProblemDetail of(ProblemException exception) {
        ProblemDetail problem =
                of(exception.status(), exception.slug(), exception.title(), exception.detail(), exception.errors());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }
}
