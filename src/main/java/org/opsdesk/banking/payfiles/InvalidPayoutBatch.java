package org.opsdesk.banking.payfiles;

import java.util.List;
import java.util.stream.Collectors;
import org.opsdesk.shared.ProblemException;

/**
 * A batch no payout file can be written for: {@code 422} with every offending field, and the typed problems for
 * callers that act on them (a batch page that marks the items to fix).
 */
public final class InvalidPayoutBatch extends ProblemException {

    private final List<PayoutFileError> problems;

    InvalidPayoutBatch(List<PayoutFileError> problems) {
        super(
                422,
                "invalid-payout-batch",
                "The payout file cannot be written",
                describe(problems),
                problems.stream()
                        .map(problem -> new FieldError(problem.field(), problem.message()))
                        .toList());
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the batch's fields and items. */
    public List<PayoutFileError> problems() {
        return problems;
    }

    private static String describe(List<PayoutFileError> problems) {
        return problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
    }
}
