package org.opsdesk.workflow;

/**
 * A panel another module adds to a workflow's page ({@code /workflows/{type}}), declared as a Spring bean by the
 * module that owns it — {@code notifications} shows the rules each stage sets off. The page draws a placeholder that
 * loads {@code /workflows/{type}/panels/{name}} with htmx; the owning module serves, authorizes and words that
 * fragment. The convention is in docs/architecture.md.
 *
 * @param name the panel's last path segment and the suffix of its element id ({@code panel-<name>})
 * @param order where among the page's panels, smallest first
 */
public record WorkflowPagePanel(String name, int order) {

    public WorkflowPagePanel {
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("a panel name is lower case, digits and dashes: " + name);
        }
    }

    /** The URL its owning module serves the panel of this workflow at. */
    public String path(String type) {
        return "/workflows/" + type + "/panels/" + name;
    }
}
