package org.opsdesk.banking.formats;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/**
 * A statement file Opsdesk will not read, and why: the API answers it as a problem with the {@link Reason}'s
 * status (413 for a file over the size limit, 422 otherwise) and one field error naming where the file went wrong.
 */
public class StatementFileRefused extends ProblemException {

    /** Why a file was refused; each maps to one HTTP status. */
    public enum Reason {
        TOO_LARGE(413),
        FORBIDDEN_XML(422),
        NOT_XML(422),
        UNKNOWN_FORMAT(422),
        UNSUPPORTED_VERSION(422),
        MALFORMED(422),
        TRUNCATED(422),
        AMOUNT_SCALE(422),
        UNKNOWN_CURRENCY(422),
        CURRENCY_MISMATCH(422),
        NOT_RECONCILED(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String field;

    public StatementFileRefused(Reason reason, String field, String message) {
        super(
                reason.status(),
                "statement-file-refused",
                "Statement file refused",
                field + ": " + message,
                List.of(new FieldError(field, message)));
        this.reason = reason;
        this.field = field;
        with("reason", reason.name());
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the file the problem is, e.g. {@code file}, {@code statements[2].entries[5].amount}. */
    public String field() {
        return field;
    }
}
