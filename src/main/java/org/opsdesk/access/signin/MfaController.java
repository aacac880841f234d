package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.opsdesk.access.gate.CurrentActor;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.signin.SignInSession.Stage;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.QrCodes;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Two-step verification for one's own account: enrolment (QR code, key as text, confirmation code, recovery codes
 * shown once) and its status. Open to signed-in operators, who confirm it with their password, and to an operator
 * part-way through sign-in whose role requires MFA: for them it is the only page there is until they have enrolled.
 */
@Controller
@RequestMapping("/account/mfa")
@RequiresPermission(RequiresPermission.ANYONE) // the handlers require a signed-in or enrolling session themselves
class MfaController {

    private static final String ENROL = "access/mfa-enrol";

    /** Who is at this page, and whether this completes their sign-in. */
    private record Enrollee(Operator operator, boolean signingIn) {}

    private final MfaEnrolment enrolment;
    private final SignIn signIn;
    private final OperatorStore operators;

    MfaController(MfaEnrolment enrolment, SignIn signIn, OperatorStore operators) {
        this.enrolment = enrolment;
        this.signIn = signIn;
        this.operators = operators;
    }

    @GetMapping
    ModelAndView page(HttpServletRequest request) {
        var enrollee = enrollee(request);
        if (enrollee.isEmpty()) {
            return new ModelAndView("redirect:/login");
        }
        Operator operator = enrollee.get().operator();
        if (operator.mfaEnabled()) {
            return statusPage(operator);
        }
        String pending = SignInSession.pendingSecret(request);
        if (pending == null) {
            pending = enrolment.newPendingSecret(operator);
            SignInSession.setPendingSecret(request, pending);
        }
        return enrolPage(enrollee.get(), pending);
    }

    @PostMapping
    ModelAndView confirm(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request) {
        var enrollee = enrollee(request);
        String pending = SignInSession.pendingSecret(request);
        if (enrollee.isEmpty() || pending == null || enrollee.get().operator().mfaEnabled()) {
            return new ModelAndView("redirect:/account/mfa");
        }
        // part-way through sign-in the password was given a moment ago; a signed-in session proves it again
        if (!enrollee.get().signingIn()
                && !enrolment.passwordConfirms(enrollee.get().operator(), password)) {
            return enrolPage(enrollee.get(), pending).addObject("error", "mfa.wrongPassword");
        }
        var codes = enrolment.confirm(enrollee.get().operator(), pending, code);
        if (codes.isEmpty()) {
            return enrolPage(enrollee.get(), pending).addObject("error", "mfa.wrong");
        }
        SignInSession.setPendingSecret(request, null);
        if (enrollee.get().signingIn()) {
            signIn.succeeded(enrollee.get().operator().username(), "enrolled", request.getRemoteAddr());
        }
        SignInSession.advance(request, Stage.SIGNED_IN, true);
        return new ModelAndView("access/mfa-recovery-codes").addObject("codes", codes.get());
    }

    /** Turns off one's own second factor (a new phone), with the password and a current code; then signs out. */
    @PostMapping("/reset")
    ModelAndView reset(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request) {
        var enrollee = enrollee(request).filter(found -> !found.signingIn());
        if (enrollee.isEmpty() || !enrollee.get().operator().mfaEnabled()) {
            return new ModelAndView("redirect:/account/mfa");
        }
        Operator operator = enrollee.get().operator();
        if (!enrolment.resetOwn(operator, password, code)) {
            return statusPage(operator).addObject("error", "mfa.reset.refused");
        }
        SignInSession.end(request);
        return new ModelAndView("redirect:/login?ended");
    }

    private ModelAndView statusPage(Operator operator) {
        return new ModelAndView("access/mfa-status").addObject("remaining", enrolment.remainingRecoveryCodes(operator));
    }

    private ModelAndView enrolPage(Enrollee enrollee, String pending) {
        byte[] secret = enrolment.reveal(pending, enrollee.operator());
        String uri = Totp.uri(MfaEnrolment.ISSUER, enrollee.operator().username(), secret);
        return new ModelAndView(ENROL)
                .addObject("required", enrollee.signingIn())
                .addObject("qrCode", QrCodes.svgDataUri(uri))
                .addObject("secret", Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "));
    }

    private Optional<Enrollee> enrollee(HttpServletRequest request) {
        Optional<Actor> actor = CurrentActor.find(); // resolves the session: a stale one ends here
        if (actor.isPresent() && actor.get().kind() == Actor.Kind.OPERATOR) {
            return operators.find(actor.get().id()).map(operator -> new Enrollee(operator, false));
        }
        return SignInSession.of(request)
                .filter(state -> state.stage() == Stage.ENROL)
                .flatMap(state -> operators.find(state.username()))
                .map(operator -> new Enrollee(operator, true));
    }
}
