package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any handler sees it, an API query parameter no handler could mean: one holding a control
 * character (a NUL byte reaches PostgreSQL as an error, not as a filter), one whose percent-encoding is not UTF-8
 * (decoded into U+FFFD), or one longer than {@value #MAX_LENGTH} characters. The answer is the API's usual 422
 * problem naming the parameter, for every endpoint at once, today's and tomorrow's.
 */
final class QueryParameterGuard extends OncePerRequestFilter {

    static final int MAX_LENGTH = 2_000;

    /** Set by Tomcat when it could not parse the query string at all (a broken escape such as {@code %zz}). */
    private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final ProblemWriter problems;

    QueryParameterGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldError refused = refusal(request.getParameterMap());
        if (refused == null && request.getAttribute(PARSE_FAILED) != null) {
            refused = new FieldError("query", "is not a well-formed, percent-encoded UTF-8 query string");
        }
        if (refused != null) {
            problems.write(
                    response,
                    Problems.of(
                            422,
                            "invalid-input",
                            "Invalid input",
                            refused.field() + ": " + refused.message(),
                            List.of(refused)));
            return;
        }
        chain.doFilter(request, response);
    }

    static @Nullable FieldError refusal(Map<String, String[]> parameters) {
        for (var parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String why = problem(name);
            if (why != null) {
                return new FieldError(printable(name), "parameter name " + why);
            }
            for (String value : parameter.getValue()) {
                why = problem(value);
                if (why != null) {
                    return new FieldError(name, why);
                }
            }
        }
        return null;
    }

    private static @Nullable String problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (c == '\uFFFD') {
                return "must be percent-encoded UTF-8";
            }
        }
        return null;
    }

    // A refused name is echoed back in the problem: never its control characters, never all of it.
    private static String printable(String name) {
        String visible = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != 0xFFFD)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return visible.length() > 100 ? visible.substring(0, 100) + "…" : visible;
    }
}
