package org.opsdesk.banking.uploads;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused;
import org.opsdesk.shared.ProblemException;

/**
 * Why an uploaded file was not imported, as the API would have answered it: the problem's status, a code (the
 * statement reader's reason, else the problem's slug) that the page words in the operator's language, the English
 * detail and the refused fields.
 */
public record UploadRefusal(int status, String code, String detail, List<Field> errors) {

    /** One refused field and why, in English. */
    public record Field(String field, String message) {}

    public UploadRefusal {
        errors = List.copyOf(errors);
    }

    static UploadRefusal of(ProblemException problem) {
        String code = problem instanceof StatementFileRefused refused
                ? refused.reason().name()
                : problem.slug();
        return new UploadRefusal(
                problem.status(),
                code,
                problem.detail(),
                problem.errors().stream()
                        .map(e -> new Field(e.field(), e.message()))
                        .toList());
    }

    /** A failure that is not the file's fault (the database went away mid-import): the file may be uploaded again. */
    static UploadRefusal failed(@Nullable String what) {
        return new UploadRefusal(500, "FAILED", "the import failed (" + what + "); upload the file again", List.of());
    }
}
