package org.opsdesk.operations;

/**
 * A control another module adds to the operations list's toolbar ({@code /operations}), declared as a Spring bean
 * by the module that owns it — the list's variant of {@link OperationPagePanel}. The list draws only a placeholder
 * that loads {@code /operations/panels/{name}} with htmx, carrying the list's current filter as its query (the
 * same parameters as {@code GET /api/v1/operations}); the owning module serves that fragment from its own
 * templates, checks the caller itself and answers an empty body when it has nothing for them. The convention is in
 * docs/architecture.md.
 *
 * @param name the panel's last path segment and the suffix of its element id ({@code panel-<name>}): lower case,
 *     digits and dashes
 * @param order where among the toolbar's panels, smallest first
 */
public record OperationListPanel(String name, int order) {

    public OperationListPanel {
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a panel name is lower case, digits and dashes: " + name);
        }
    }

    /** The URL its owning module serves the panel at, for a list filtered by this query (may be empty). */
    public String path(String filterQuery) {
        return "/operations/panels/" + name + (filterQuery.isEmpty() ? "" : "?" + filterQuery);
    }
}
