package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Where the console chain sends people who are not (yet) signed in, and how it refuses the rest. */
public final class ConsolePaths {

    /** Reachable without being signed in; each handler there checks the sign-in progress it needs. */
    public static final String[] OPEN = {
        "/login", "/login/code", "/logout", "/account/mfa", "/css/**", "/js/**", "/webjars/**", "/favicon.ico"
    };

    private ConsolePaths() {}

    /**
     * To the sign-in step the session is at: the code, the MFA enrolment, or the password page. An htmx request
     * (a background poll, a panel) gets 401 with {@code HX-Redirect} instead, so the browser goes to that page —
     * "your session expired" when there is no session — rather than htmx swapping the sign-in page into the part
     * of the page it was updating.
     */
    public static void redirectToSignIn(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException unauthenticated)
            throws IOException {
        var state = SignInSession.of(request);
        boolean ended = request.getAttribute(OperatorSessionContext.ENDED) != null;
        String target = state.map(s -> switch (s.stage()) {
                    case CODE -> "/login/code";
                    case ENROL -> "/account/mfa";
                    case SIGNED_IN -> "/login";
                })
                .orElse(ended ? "/login?ended" : "/login");
        if (request.getHeader(HTMX_REQUEST) != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(
                    "HX-Redirect", request.getContextPath() + (state.isEmpty() && !ended ? "/login?expired" : target));
            return;
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    private static final String HTMX_REQUEST = "HX-Request";

    /** A 403 rendered by the error page: HTML for browsers (a missing CSRF token included), a problem otherwise. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
