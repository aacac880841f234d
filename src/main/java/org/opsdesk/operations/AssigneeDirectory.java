package org.opsdesk.operations;

/**
 * Port: who may be made the assignee of an operation. {@code operations} owns it and must not know who the
 * operators are; the {@code access} module implements it (one Spring bean). Without an implementation, any
 * non-blank name is accepted.
 *
 * <p>Consulted when a supervisor sets an assignee ({@code PUT /api/v1/operations/{id}/assignee}), inside the
 * transaction that changes the operation, so it should answer from the database quickly and must not call back
 * into {@link OperationCommands}. Claiming ({@code POST .../claim}) assigns the caller's own {@code Actor.id()} — an
 * operator's username, or an API key's id — and does not consult it.
 */
public interface AssigneeDirectory {

    /**
     * Whether {@code username} may be made the assignee of an operation of {@code operationType}: true exactly
     * when an operator with this username exists (compared exactly as stored, case-sensitive), is enabled (not
     * disabled or locked), and holds the permission {@code <operationType>:view} through their roles (directly,
     * through {@code <operationType>:*}, or through {@code *}). Anything else — unknown, disabled, unable to see
     * the type — is false; the caller answers 422 naming the field {@code assignee}.
     *
     * @param username the proposed assignee, never blank
     * @param operationType the type of the operation, such as {@code withdrawal}
     */
    boolean canBeAssigned(String username, String operationType);
}
