package org.opsdesk.access;

import java.time.Instant;

/**
 * Sign-in to an operator's account was locked after repeated failures: published in the transaction that records
 * the lock (the security log holds the same fact). Carries no secret — neither the passwords nor the codes tried.
 *
 * @param username the account's username
 * @param address the source address of the failure that set the lock
 * @param lock what is locked: the account from that address only, or the whole account, softly or hard
 * @param until when the lock ends
 * @param at when it was set
 */
public record SignInLocked(String username, String address, Lock lock, Instant until, Instant at) {

    /** What a lock holds back. */
    public enum Lock {
        /** The account, from that address only: nothing passes from there, other addresses are not held back. */
        ADDRESS,
        /** The whole account after failed passwords: a correct password plus a code still passes. */
        SOFT,
        /** The whole account after failed codes (someone knows the password): nothing passes. */
        HARD
    }
}
