package org.opsdesk.operations;

/**
 * Port: whether the maker of an approval request may still make its move when the last approval arrives. {@code
 * operations} owns it and must not know who operators and keys are; {@code access} implements it (one Spring
 * bean). Without an implementation every maker is taken to be in standing.
 *
 * <p>Asked inside the approving transaction, under the operation's row lock: answer from the database, quickly,
 * and never call back into {@link Operations} or {@link Approvals}.
 */
public interface MakerStanding {

    /**
     * Whether the principal may still take a move needing {@code permission} now: an operator who exists, is
     * enabled and not deleted, and holds it through their current roles; an API key that is neither revoked nor
     * expired, whose creator may still act, and whose current permissions hold it. Other kinds (internal
     * processes) are always in standing.
     *
     * @param kind the maker's kind code as recorded ({@code operator}, {@code api_key})
     * @param id the maker's id as recorded (a username, a key id)
     * @param permission the transition's permission, or its override permission for an override
     */
    boolean mayStillTake(String kind, String id, String permission);
}
