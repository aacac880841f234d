package org.opsdesk.access.keys;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.opsdesk.shared.RequestIds;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, as the same problem documents the API returns everywhere else. */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        String detail = failure.getMessage() == null || failure.getMessage().startsWith("Full authentication")
                ? "send 'Authorization: Bearer <api key>'"
                : failure.getMessage();
        write(response, 401, "unauthenticated", "Authentication required", detail);
    }

    @Override
    public void handle(
            jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, 403, "permission-denied", "Permission denied", "you may not do this");
    }

    /** 429 for a key over its rate; {@code Retry-After} says when to try again. */
    public void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(
                response,
                429,
                "rate-limited",
                "Too many requests",
                "this API key is over its request rate; retry after " + retryAfterSeconds + " s");
    }

    private void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "urn:opsdesk:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        String requestId = RequestIds.current();
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
