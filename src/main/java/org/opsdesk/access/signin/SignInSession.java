package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * What a console session holds about its operator: the username (also Spring Session's principal-name index, so
 * an operator's sessions can be found and ended), how far through sign-in they are, and whether they passed a
 * second factor. Never their permissions: those are read afresh on every request.
 */
final class SignInSession {

    /** Sign-in progress. */
    enum Stage {
        /** Password accepted; a TOTP or recovery code is due. */
        CODE,
        /** Password accepted; a role requires MFA and the operator must enrol before anything else. */
        ENROL,
        SIGNED_IN
    }

    record State(String username, Stage stage, boolean mfaPassed, Instant createdAt) {}

    static final String USERNAME = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;
    private static final String STAGE = "opsdesk.sign-in.stage";
    private static final String MFA_PASSED = "opsdesk.sign-in.mfa-passed";
    private static final String PENDING_SECRET = "opsdesk.sign-in.pending-mfa-secret";

    private SignInSession() {}

    static Optional<State> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            if (session.getAttribute(USERNAME) instanceof String username
                    && session.getAttribute(STAGE) instanceof String stage) {
                return Optional.of(new State(
                        username,
                        Stage.valueOf(stage),
                        Boolean.TRUE.equals(session.getAttribute(MFA_PASSED)),
                        Instant.ofEpochMilli(session.getCreationTime())));
            }
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * After a correct password: a brand-new session (new id, new creation time, nothing carried over), so an id
     * planted before sign-in is worthless and the absolute timeout counts from here.
     */
    static void begin(HttpServletRequest request, String username, Stage stage, boolean mfaPassed) {
        end(request);
        HttpSession session = request.getSession(true);
        session.setAttribute(USERNAME, username);
        session.setAttribute(STAGE, stage.name());
        session.setAttribute(MFA_PASSED, mfaPassed);
    }

    /** A further step passed (code, enrolment): the session gets a new id and keeps its creation time. */
    static void advance(HttpServletRequest request, Stage stage, boolean mfaPassed) {
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(STAGE, stage.name());
        session.setAttribute(MFA_PASSED, mfaPassed);
    }

    /** Sends a signed-in session back to a sign-in step (a role now requires MFA, or MFA was turned on). */
    static void demote(HttpServletRequest request, Stage stage) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(STAGE, stage.name());
        }
    }

    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing left to end
            }
        }
    }

    static @Nullable String pendingSecret(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING_SECRET) instanceof String secret ? secret : null;
    }

    /** The candidate TOTP secret during enrolment, encrypted like a stored one (sessions live in the database). */
    static void setPendingSecret(HttpServletRequest request, @Nullable String encrypted) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (encrypted == null) {
                session.removeAttribute(PENDING_SECRET);
            } else {
                session.setAttribute(PENDING_SECRET, encrypted);
            }
        }
    }
}
