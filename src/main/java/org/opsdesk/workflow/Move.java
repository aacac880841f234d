package org.opsdesk.workflow;

/**
 * A transition a given actor may take now.
 *
 * @param override true when a person or key forces a system or timer move with the override permission
 */
public record Move(Transition transition, boolean override) {}
