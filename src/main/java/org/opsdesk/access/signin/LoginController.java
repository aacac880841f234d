package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.access.signin.SignInSession.Stage;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in pages: password, then a code when the operator has MFA; and signing out. */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // these pages are how one becomes signed in
class LoginController {

    private static final String LOGIN = "access/login";
    private static final String CODE = "access/login-code";

    private final SignIn signIn;
    private final SecondFactor secondFactor;
    private final SecurityLog securityLog;

    LoginController(SignIn signIn, SecondFactor secondFactor, SecurityLog securityLog) {
        this.signIn = signIn;
        this.secondFactor = secondFactor;
        this.securityLog = securityLog;
    }

    @GetMapping("/login")
    ModelAndView page(
            @RequestParam(required = false) @Nullable String signedOut,
            @RequestParam(required = false) @Nullable String ended,
            @RequestParam(required = false) @Nullable String expired,
            @RequestParam(required = false) @Nullable String restart) {
        if (CurrentActor.find().isPresent()) {
            return new ModelAndView("redirect:/");
        }
        var page = new ModelAndView(LOGIN);
        if (signedOut != null) {
            page.addObject("notice", "signin.notice.signedOut");
        } else if (ended != null) {
            page.addObject("notice", "signin.notice.ended");
        } else if (expired != null) {
            page.addObject("notice", "signin.notice.expired");
        } else if (restart != null) {
            page.addObject("notice", "signin.notice.restart");
        }
        return page;
    }

    @PostMapping("/login")
    ModelAndView signIn(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request) {
        String name = username.strip();
        return switch (signIn.password(name, password, request.getRemoteAddr())) {
            case REFUSED -> failed(LOGIN, "signin.refused", HttpStatus.OK).addObject("username", name);
            case THROTTLED ->
                failed(LOGIN, "signin.throttled", HttpStatus.TOO_MANY_REQUESTS).addObject("username", name);
            case NEEDS_CODE -> begin(request, name, Stage.CODE, "/login/code");
            case NEEDS_ENROLMENT -> begin(request, name, Stage.ENROL, "/account/mfa");
            case SIGNED_IN -> begin(request, name, Stage.SIGNED_IN, "/");
        };
    }

    @GetMapping("/login/code")
    ModelAndView codePage(HttpServletRequest request) {
        CurrentActor.find(); // resolves the session: a stale one ends here
        var state = SignInSession.of(request);
        if (state.isEmpty() || state.get().stage() != Stage.CODE) {
            return new ModelAndView("redirect:/login");
        }
        return new ModelAndView(CODE);
    }

    @PostMapping("/login/code")
    ModelAndView code(@RequestParam(defaultValue = "") String code, HttpServletRequest request) {
        CurrentActor.find();
        var state = SignInSession.of(request);
        if (state.isEmpty() || state.get().stage() != Stage.CODE) {
            return new ModelAndView("redirect:/login?restart");
        }
        return switch (secondFactor.check(state.get().username(), code, request.getRemoteAddr())) {
            case ACCEPTED -> {
                SignInSession.advance(request, Stage.SIGNED_IN, true);
                yield new ModelAndView("redirect:/");
            }
            case WRONG_CODE -> failed(CODE, "signin.code.wrong", HttpStatus.OK);
            case THROTTLED -> failed(CODE, "signin.throttled", HttpStatus.TOO_MANY_REQUESTS);
            case ENDED -> {
                SignInSession.end(request);
                yield new ModelAndView("redirect:/login?restart");
            }
        };
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request) {
        var actor = CurrentActor.find();
        var state = SignInSession.of(request);
        if (actor.isPresent()) {
            securityLog.record(
                    SecurityEvents.LOGOUT,
                    actor.get(),
                    SecurityLog.operator(actor.get().id()),
                    Map.of());
        } else if (state.isPresent()) {
            securityLog.recordAnonymous(
                    SecurityEvents.LOGOUT,
                    SecurityLog.operator(state.get().username()),
                    Map.of("stage", state.get().stage().name().toLowerCase(java.util.Locale.ROOT)));
        }
        SignInSession.end(request);
        return "redirect:/login?signedOut";
    }

    private static ModelAndView begin(HttpServletRequest request, String username, Stage stage, String next) {
        SignInSession.begin(request, username, stage, false);
        return new ModelAndView("redirect:" + next);
    }

    private static ModelAndView failed(String view, String message, HttpStatus status) {
        var page = new ModelAndView(view, status);
        page.addObject("error", message);
        return page;
    }
}
