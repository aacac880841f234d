package org.opsdesk.operations;

import java.util.UUID;

/**
 * A panel another module adds to the operation page ({@code /operations/{id}}), declared as a Spring bean by the
 * module that owns it. The page draws only a placeholder that loads {@code /operations/{id}/panels/{name}} with
 * htmx when the page (or its refreshed detail) is shown; the owning module serves that fragment from its own
 * templates and messages, checks the caller itself (404 for an operation the caller may not see, an empty answer
 * when the panel has nothing for them), and handles its own forms. {@code operations} knows no more of a panel
 * than this record: no view model of another module crosses into it. The convention is in docs/architecture.md.
 *
 * @param name the panel's last path segment and the suffix of its element id ({@code panel-<name>}): lower case,
 *     digits and dashes
 * @param placement the column the panel goes in
 * @param order where among the panels of its column, smallest first
 */
public record OperationPagePanel(String name, Placement placement, int order) {

    /** The page's main column (beside the actions), or the timeline column. */
    public enum Placement {
        MAIN,
        TIMELINE
    }

    public OperationPagePanel {
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a panel name is lower case, digits and dashes: " + name);
        }
    }

    /** The URL its owning module serves the panel of this operation at. */
    public String path(UUID operationId) {
        return "/operations/" + operationId + "/panels/" + name;
    }
}
