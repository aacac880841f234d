package org.opsdesk.operations;

import java.util.Optional;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;

/**
 * Port: what a principal may do now, for the moves it takes on operations. {@code operations} owns it and must not
 * know who operators and keys are; {@code access} implements it (one Spring bean). Every decision on a move — the
 * API's and the console's moves, bulk actions, the moves offered, the checker's right to approve and the maker's
 * standing before an approved move applies — asks it through one place, {@code MoveRules}, which applies the
 * workflow's rules to the principal as this port sees it. Without an implementation (module tests without {@code
 * access}) an actor acts with the permissions it carries and a recorded maker is taken to be in standing.
 *
 * <p>Asked inside the moving transaction, under the operation's row lock: answer quickly, and never call back into
 * {@link Operations} or {@link Approvals}. The actor of a request may be answered from what authentication trusts
 * (a cache that every change of standing empties, ADR 0019); a principal recorded earlier, from the database.
 */
public interface MovePolicy {

    /**
     * The permissions the principal holds now: an operator's through their current roles while they exist, are
     * enabled and not deleted; an API key's cut to its creator's current ones while the key is neither revoked nor
     * expired and its creator may act; none otherwise. Empty for principals the policy does not judge (the timer,
     * internal processes): the workflow's own trigger rules decide their moves.
     *
     * <p>For the principal acting in the current request: no staler than what authenticated it.
     *
     * @param kind the principal's kind
     * @param id the principal's id (a username, a key id)
     */
    Optional<Permissions> permissionsNow(Actor.Kind kind, String id);

    /**
     * As {@link #permissionsNow}, for a principal recorded earlier (an approval request's maker, whose move applies
     * in their name): read from the database, since no request of theirs vouches for them now.
     *
     * @param kind the principal's kind
     * @param id the principal's id (a username, a key id)
     */
    Optional<Permissions> recordedPermissionsNow(Actor.Kind kind, String id);
}
