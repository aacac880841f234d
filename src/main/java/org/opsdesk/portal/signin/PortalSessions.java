package org.opsdesk.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.portal.PortalClient;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Turns a portal session into the signed-in client, on every request and from the database (once: the pages take
 * the client read here, {@link SignedInClient#loaded()}): the session (in
 * {@code portal.http_session}, cookie {@value PortalSecurityConfiguration#COOKIE}) holds only the client's id and
 * whether the authenticator code is still to come. A console session never reaches here, and this session never
 * reaches the console: the stores, cookies and filter chains are apart.
 *
 * <p>The repository plumbing below (deferred loading, nothing saved) repeats the console's
 * ({@code OperatorSessionContext} in {@code access.signin}) on purpose, as {@code portal.http_session} repeats
 * {@code access.http_session}'s Spring Session schema. What is alike is some thirty lines of Spring Security adapter;
 * what decides who is signed in — the operator's timeouts, revocations and MFA demotion there, the client and the
 * pending code here — differs entirely. Sharing the adapter would mean the portal's authentication extending a class of
 * the operators' security module ({@code platform} publishes nothing and {@code shared} holds no security code), so
 * that a change made for the console would silently change how clients are signed in; and one session table would need
 * migrating the existing ones and would put both kinds of session in one store. Two security domains, kept apart down
 * to their code.
 */
public final class PortalSessions implements SecurityContextRepository {

    static final String CLIENT = "opsdesk.portal.client";
    /** Set while the password was right but the authenticator code is still to be typed. */
    static final String CODE_PENDING = "opsdesk.portal.code-pending";

    private final Function<UUID, Optional<PortalClient>> clients;

    /** @param clients reads a client whole (account, identity check, payout accounts) in one transaction */
    PortalSessions(Function<UUID, Optional<PortalClient>> clients) {
        this.clients = clients;
    }

    /** Marks the session signed in as this client, under a new session id (no fixation). */
    public static void signIn(HttpServletRequest request, UUID client, boolean codePending) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(CLIENT, client.toString());
        if (codePending) {
            session.setAttribute(CODE_PENDING, Boolean.TRUE);
        } else {
            session.removeAttribute(CODE_PENDING);
        }
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** The client whose password was accepted on this session and who still owes the authenticator code. */
    static Optional<UUID> awaitingCode(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(CODE_PENDING) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(clientId(session));
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
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CLIENT) != null;
    }

    private SecurityContext resolve(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(CODE_PENDING) != null) {
            return context;
        }
        UUID id = clientId(session);
        if (id == null) {
            return context;
        }
        clients.apply(id).ifPresent(client -> context.setAuthentication(new SignedInClient.Authentication(client)));
        return context;
    }

    private static @Nullable UUID clientId(HttpSession session) {
        try {
            return session.getAttribute(CLIENT) instanceof String id ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException | IllegalStateException notOurs) {
            return null;
        }
    }
}
