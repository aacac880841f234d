package org.opsdesk.access.operators;

import java.util.Optional;
import org.opsdesk.access.OperatorContact;
import org.opsdesk.access.OperatorDirectory;
import org.springframework.stereotype.Component;

/** Operators' contacts from the operator store, read afresh on every call so a change applies at once. */
@Component
class OperatorContactDirectory implements OperatorDirectory {

    private final OperatorStore operators;

    OperatorContactDirectory(OperatorStore operators) {
        this.operators = operators;
    }

    @Override
    public Optional<OperatorContact> contact(String username) {
        return operators.find(username).map(OperatorContactDirectory::contact);
    }

    private static OperatorContact contact(Operator operator) {
        // a deleted operator keeps their row for history, but is no longer someone Opsdesk writes to
        return new OperatorContact(
                operator.username(),
                operator.displayName(),
                operator.deleted() ? null : operator.email(),
                operator.locale(),
                operator.active(),
                operator.deleted());
    }
}
