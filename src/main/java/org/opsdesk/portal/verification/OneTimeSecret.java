package org.opsdesk.portal.verification;

import java.time.Instant;

/**
 * A one-time secret as the database keeps it — the email link's token or the phone's code: only its hash, until
 * when it works, the wrong tries it took and whether it was spent. Both verifications judge a typed secret the same
 * way and in the same order; how a secret is made, sent, resent, spent and how many tries it gets stay theirs.
 */
record OneTimeSecret(String hash, Instant expiresAt, int failures, boolean spent) {

    /** What a typed secret is worth, checked in this order. */
    enum Verdict {
        SPENT,
        TRIED_OUT,
        EXPIRED,
        WRONG,
        GOOD
    }

    /**
     * @param typedHash the hash of what the client typed or followed, made as the stored one was
     * @param maxTries wrong tries after which the secret is dead
     */
    Verdict judge(String typedHash, Instant now, int maxTries) {
        if (spent) {
            return Verdict.SPENT;
        }
        if (failures >= maxTries) {
            return Verdict.TRIED_OUT;
        }
        if (!expiresAt.isAfter(now)) {
            return Verdict.EXPIRED;
        }
        return Secrets.sameHash(hash, typedHash) ? Verdict.GOOD : Verdict.WRONG;
    }
}
