package org.opsdesk.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;

/**
 * Checks several fields and reports every offending one at once (one 422 with all field errors), rather than
 * making the caller fix them one request at a time.
 */
public final class FieldCheck {

    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    /** The value the check produces, or null when it refused the field (the error is kept). */
    public <T> @Nullable T take(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Records a refusal of a field found without a parser. */
    public void refuse(String field, String message) {
        errors.add(new ProblemException.FieldError(field, message));
    }

    public boolean failed(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    /** Throws the 422 with every error found, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
