package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.shared.Actor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds an operator whose password an administrator set (at creation or by a reset) at the password change page:
 * every other console page sends them there until they have chosen their own. Signing out, the sign-in steps and
 * static files stay reachable; the API is not concerned (keys, not passwords).
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements HandlerInterceptor, WebMvcConfigurer {

    private final PasswordChange passwordChange;

    PasswordChangeGate(PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        PasswordChangeController.PATH,
                        "/login",
                        "/login/**",
                        "/logout",
                        "/account/mfa",
                        "/error",
                        "/api/**",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var actor = CurrentActor.find();
        if (actor.isEmpty()
                || actor.get().kind() != Actor.Kind.OPERATOR
                || !required(request, actor.get().id())) {
            return true;
        }
        String target = request.getContextPath() + PasswordChangeController.PATH;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target); // htmx would swap a redirected page into a fragment
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
        return false;
    }

    /** As read with the operator at the start of this request; read here only when that did not happen. */
    private boolean required(HttpServletRequest request, String username) {
        return request.getAttribute(OperatorSessionContext.PASSWORD_CHANGE_REQUIRED) instanceof Boolean known
                ? known
                : passwordChange.required(username);
    }
}
