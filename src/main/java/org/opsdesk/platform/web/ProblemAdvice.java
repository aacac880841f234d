package org.opsdesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.ProblemException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where errors become responses: every {@link ProblemException} of every module, Spring MVC's own
 * refusals and malformed JSON turn into {@code application/problem+json} with a clear title, detail and the
 * offending fields. Anything unexpected is logged with its request id and answered as a bare 500. Console pages
 * (requests outside {@code /api/} that accept HTML) get the same status as a readable page instead.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    Object problem(ProblemException exception, HttpServletRequest request) {
        if (ErrorPages.wanted(request)) {
            return ErrorPages.page(exception.status());
        }
        return respond(Problems.of(exception));
    }

    /**
     * A chunked body that grew past the limit while a handler read it itself (a statement file's bytes): the same
     * 413 as when a converter reads it, not an internal error.
     */
    @ExceptionHandler(BodyTooLarge.class)
    Object tooLarge(BodyTooLarge exception, HttpServletRequest request) {
        if (ErrorPages.wanted(request)) {
            return ErrorPages.page(413);
        }
        return respond(Problems.of(413, "body-too-large", "Request body too large", exception.getMessage(), List.of()));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception exception, HttpServletRequest request) {
        log.error("Unexpected error", exception);
        if (ErrorPages.wanted(request)) {
            return ErrorPages.page(500);
        }
        return respond(Problems.of(
                500,
                "internal-error",
                "Internal error",
                "the request failed on our side; nothing was changed unless the response said so. Quote the requestId when reporting it",
                List.of()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(exception, BodyTooLarge.class) != null) {
            return object(Problems.of(
                    413,
                    "body-too-large",
                    "Request body too large",
                    exception.getMostSpecificCause().getMessage(),
                    List.of()));
        }
        JacksonException jackson = causedBy(exception, JacksonException.class);
        if (jackson == null) {
            return object(Problems.of(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    "the request body is missing or unreadable",
                    List.of()));
        }
        String field = path(jackson);
        if (jackson instanceof StreamReadException) {
            var location = jackson.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return object(Problems.of(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "the body is not valid JSON" + where + ": " + jackson.getOriginalMessage(),
                    List.of()));
        }
        String message = jackson instanceof UnrecognizedPropertyException
                ? "unknown field"
                : jackson instanceof MismatchedInputException mismatch
                        ? expected(mismatch.getTargetType())
                        : "invalid value";
        return object(Problems.of(
                400,
                "invalid-json-value",
                "Invalid JSON value",
                (field.isEmpty() ? "the body" : "'" + field + "'") + ": " + message,
                List.of(new FieldError(field.isEmpty() ? "$" : field, message))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
        return object(Problems.of(
                422,
                "invalid-input",
                "Invalid input",
                errors.stream()
                        .map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid input"),
                errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException m
                ? m.getName()
                : String.valueOf(exception.getPropertyName());
        String expected = exception.getRequiredType() == null
                ? "another type"
                : exception.getRequiredType().getSimpleName();
        String message =
                "'" + exception.getValue() + "' is not a valid " + ("UUID".equals(expected) ? "id (a UUID)" : expected);
        return object(Problems.of(
                400,
                "invalid-parameter",
                "Invalid parameter",
                name + ": " + message,
                List.of(new FieldError(name, message))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null
                && ErrorPages.wanted(servlet.getRequest())) {
            try {
                // rendered as an HTML page by ProblemErrorController, which the container forwards to
                servlet.getResponse().sendError(status.value());
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                // Spring's own refusals (404, 405, 406, 415, ...) get a type of ours like every other error.
                var reason = org.springframework.http.HttpStatus.resolve(problem.getStatus());
                String slug = reason == null
                        ? "http-" + problem.getStatus()
                        : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                problem.setType(Problems.type(slug));
            }
            String requestId = org.opsdesk.shared.RequestIds.current();
            if (requestId != null
                    && (problem.getProperties() == null
                            || !problem.getProperties().containsKey("requestId"))) {
                problem.setProperty("requestId", requestId);
            }
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> object(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String path(JacksonException exception) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Says what the field must be, in JSON terms rather than Java ones. */
    private static String expected(@Nullable Class<?> target) {
        if (target == null) {
            return "invalid value";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        return "must be a JSON object";
    }
}
