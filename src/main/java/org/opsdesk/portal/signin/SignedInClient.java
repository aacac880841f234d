package org.opsdesk.portal.signin;

import java.util.Optional;
import java.util.UUID;
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

    /** Spring Security's view of a signed-in portal client: no authorities, nothing an operator page accepts. */
    static final class Authentication extends AbstractAuthenticationToken {

        private final SignedInClient client;

        Authentication(SignedInClient client) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.client = client;
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
