package org.opsdesk.shared;

import java.util.List;

/** Request values that are well-formed JSON but not acceptable: 422 with every offending field. */
public final class InvalidInput extends ProblemException {

    public InvalidInput(List<FieldError> errors) {
        super(422, "invalid-input", "Invalid input", describe(errors), errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(error.field()).append(": ").append(error.message());
        }
        return detail.toString();
    }
}
