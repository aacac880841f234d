package org.opsdesk.access;

import java.util.Optional;

/**
 * Looks operators up by username for modules that write to them (notifications to an operation's assignee). A
 * read-only facade: {@code access} implements it, so callers see contacts and never the operator store.
 */
public interface OperatorDirectory {

    /** The operator's contact as it is now; empty when no operator ever had this username. */
    Optional<OperatorContact> contact(String username);
}
