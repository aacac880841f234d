package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.keys.ActorAuthentication;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.operators.OperatorStore.SessionStanding;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a console session into the signed-in operator, on every request and from the database: the session holds
 * only the username and sign-in progress. A session ends here when it is older than the absolute timeout, when
 * the operator is disabled or deleted, or when it started before the operator's {@code sessions_valid_after}
 * (password or MFA reset). Because this reads PostgreSQL each time, it holds on every node at once.
 */
@Component
class OperatorSessionContext implements SecurityContextRepository {

    /** Request attribute naming why the session just ended, for the sign-in page. */
    static final String ENDED = OperatorSessionContext.class.getName() + ".ended";
    /** Request attribute with the signed-in operator's locale (see {@link OperatorLocaleResolver}). */
    static final String LOCALE = OperatorSessionContext.class.getName() + ".locale";
    /**
     * Request attribute: whether the signed-in operator must choose their own password, read with the operator
     * (see {@link PasswordChangeGate}).
     */
    static final String PASSWORD_CHANGE_REQUIRED = OperatorSessionContext.class.getName() + ".passwordChangeRequired";

    private final OperatorStore operators;
    private final OperatorSessions sessions;
    private final SecurityLog securityLog;
    private final SessionSettings settings;
    private final Clock clock;

    OperatorSessionContext(
            OperatorStore operators,
            OperatorSessions sessions,
            SecurityLog securityLog,
            SessionSettings settings,
            Clock clock) {
        this.operators = operators;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private @Nullable SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = resolve(request);
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return resolve(holder.getRequest());
    }

    /** Nothing to save: sign-in writes the session itself, and the context is rebuilt on every request. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return SignInSession.of(request).isPresent();
    }

    private SecurityContext resolve(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        var state = SignInSession.of(request);
        if (state.isEmpty()) {
            return context;
        }
        String username = state.get().username();
        Instant created = state.get().createdAt();
        Instant now = clock.instant();
        if (created.plus(settings.absoluteTimeout()).isBefore(now)) {
            end(request, username, "absolute_timeout", false, null);
            return context;
        }
        Optional<SessionStanding> standing = operators.findForSession(username);
        if (standing.isEmpty() || !standing.get().operator().active()) {
            end(request, username, "operator_inactive", true, null);
            return context;
        }
        Operator operator = standing.get().operator();
        Instant validAfter = standing.get().sessionsValidAfter();
        if (validAfter != null && created.isBefore(validAfter)) {
            end(request, username, "sessions_revoked", true, validAfter);
            return context;
        }
        request.setAttribute(LOCALE, operator.locale());
        request.setAttribute(PASSWORD_CHANGE_REQUIRED, standing.get().passwordChangeRequired());
        if (state.get().stage() != SignInSession.Stage.SIGNED_IN) {
            return context; // part-way through sign-in: not an actor yet
        }
        var signedIn = standing.get().signedIn();
        if (!state.get().mfaPassed() && (operator.mfaEnabled() || signedIn.mfaRequired())) {
            // MFA was turned on, or a role now requires it, after this session signed in without a code
            SignInSession.demote(request, operator.mfaEnabled() ? SignInSession.Stage.CODE : SignInSession.Stage.ENROL);
            return context;
        }
        context.setAuthentication(new ActorAuthentication(signedIn.actor()));
        return context;
    }

    /**
     * Ends this session and, unless only this one timed out, the operator's other sessions that the same reason
     * ends ({@code before}: those started before it; null: all), wherever they were last used.
     */
    private void end(
            HttpServletRequest request, String username, String reason, boolean others, @Nullable Instant before) {
        var session = request.getSession(false);
        String current = session == null ? null : session.getId();
        SignInSession.end(request);
        int ended = others ? sessions.endStartedBefore(username, before, current) : 0;
        request.setAttribute(ENDED, reason);
        securityLog.recordAnonymous(
                SecurityEvents.SESSION_ENDED,
                SecurityLog.operator(username),
                Map.of("reason", reason, "otherSessionsEnded", ended));
    }
}
