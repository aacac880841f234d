package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The operator's own password: changed with the current one, by choice or because an administrator set it (then
 * {@link PasswordChangeGate} sends them nowhere else). A session that guesses the current password five times is
 * ended, so a borrowed session cannot be turned into the password.
 */
@Controller
@RequestMapping("/account/password")
@RequiresPermission(RequiresPermission.ANYONE) // one's own account: being signed in is all it takes
class PasswordChangeController {

    static final String PATH = "/account/password";
    private static final String PAGE = "access/password";
    private static final String WRONG_GUESSES = "opsdesk.password-change.wrong-guesses";
    private static final int MAX_WRONG_GUESSES = 5;

    private final PasswordChange passwordChange;

    PasswordChangeController(PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
    }

    @GetMapping
    ModelAndView page(HttpServletRequest request) {
        return operator().map(username -> page(username, null)).orElseGet(() -> new ModelAndView("redirect:/login"));
    }

    @PostMapping
    ModelAndView change(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request) {
        var username = operator();
        HttpSession session = request.getSession(false);
        if (username.isEmpty() || session == null) {
            return new ModelAndView("redirect:/login");
        }
        var result = passwordChange.change(username.get(), current, password, confirmation, session.getId());
        return switch (result.outcome()) {
            case CHANGED -> {
                session.removeAttribute(WRONG_GUESSES);
                request.changeSessionId(); // a new id for the session that proved the new password's owner
                yield new ModelAndView("redirect:/?passwordChanged");
            }
            case WRONG_CURRENT_PASSWORD -> wrongGuess(request, session, username.get());
            case CONFIRMATION_DIFFERS -> refused(username.get(), "password.change.mismatch", null);
            case SAME_AS_CURRENT -> refused(username.get(), "password.change.same", null);
            case REFUSED_BY_POLICY -> refused(username.get(), "password.change.policy", result.problem());
        };
    }

    private ModelAndView wrongGuess(HttpServletRequest request, HttpSession session, String username) {
        int guesses = session.getAttribute(WRONG_GUESSES) instanceof Integer n ? n + 1 : 1;
        if (guesses >= MAX_WRONG_GUESSES) {
            SignInSession.end(request);
            return new ModelAndView("redirect:/login?ended");
        }
        session.setAttribute(WRONG_GUESSES, guesses);
        return refused(username, "password.change.wrongCurrent", null);
    }

    private ModelAndView refused(String username, String message, String problem) {
        var page = page(username, message);
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page.addObject("problem", problem);
    }

    private ModelAndView page(String username, String error) {
        return new ModelAndView(PAGE)
                .addObject("required", passwordChange.required(username))
                .addObject("error", error);
    }

    private static Optional<String> operator() {
        return CurrentActor.find()
                .filter(actor -> actor.kind() == Actor.Kind.OPERATOR)
                .map(Actor::id);
    }
}
