package org.opsdesk.operations;

import java.util.UUID;
import org.opsdesk.shared.ProblemException;

/** An operation of this type with this reference exists already. */
public final class DuplicateReference extends ProblemException {
    public DuplicateReference(String type, String reference, UUID existingId) {
        super(
                409,
                "duplicate-reference",
                "Duplicate reference",
                "a " + type + " with reference '" + reference + "' exists already: " + existingId);
        with("existingId", existingId.toString());
    }
}
