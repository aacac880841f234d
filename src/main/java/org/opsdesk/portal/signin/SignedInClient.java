package org.opsdesk.portal.signin;

import java.util.Optional;
import java.util.UUID;
import org.opsdesk.portal.PortalClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The portal client of the current request: never an operator, never an {@code Actor}. */
public record SignedInClient(UUID id, String subject) {

    /** The client signed in to the portal on this request, if any. */
    public static Optional<SignedInClient> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof Authentication portal ? Optional.of(portal.client) : Optional.empty();
    }

    /**
     * The signed-in client as read from the database when this request began (their account, identity check and
     * payout accounts, in one read-only transaction), so that a page does not read them again.
     */
    public static Optional<PortalClient> loaded() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof Authentication portal ? Optional.of(portal.loaded) : Optional.empty();
    }

    /** Spring Security's view of a signed-in portal client: no authorities, nothing an operator page accepts. */
    static final class Authentication extends AbstractAuthenticationToken {

        private final SignedInClient client;
        private final PortalClient loaded;

        Authentication(PortalClient loaded) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.client = new SignedInClient(loaded.id(), loaded.subject());
            this.loaded = loaded;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return client;
        }
    }
}
