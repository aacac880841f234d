package org.opsdesk.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's sign-in and sign-out. Operators' permissions mean nothing here: the portal chain decides who is
 * signed in, so every handler is open to the gate ({@code ANYONE}) and the chain requires a portal session where
 * one is needed.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE)
class SignInController {

    private final PortalSignIn signIn;
    private final PortalTotp totp;

    SignInController(PortalSignIn signIn, PortalTotp totp) {
        this.signIn = signIn;
        this.totp = totp;
    }

    @GetMapping({"/portal", "/portal/"})
    String start() {
        return SignedInClient.current().isPresent() ? "redirect:/portal/home" : "redirect:/portal/sign-in";
    }

    @GetMapping("/portal/sign-in")
    String page(@RequestParam(required = false) String ended, Model model) {
        if (ended != null) {
            model.addAttribute("notice", "portal.signin.signedOut");
        }
        return "portal/sign-in";
    }

    @PostMapping("/portal/sign-in")
    String submit(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (email.length() > 254 || password.length() > 1024) {
            return refuse(email, PortalSignIn.WRONG, response, model);
        }
        var outcome = signIn.attempt(email, password, request.getRemoteAddr());
        if (outcome instanceof PortalSignIn.Outcome.SignedIn signedIn) {
            boolean codeNeeded = signedIn.account().totpSecret() != null;
            PortalSessions.signIn(request, signedIn.account().id(), codeNeeded);
            return codeNeeded ? "redirect:/portal/sign-in/code" : "redirect:/portal/home";
        }
        return refuse(email, ((PortalSignIn.Outcome.Refused) outcome).reason(), response, model);
    }

    @GetMapping("/portal/sign-in/code")
    String codePage(HttpServletRequest request) {
        return PortalSessions.awaitingCode(request).isPresent() ? "portal/sign-in-code" : "redirect:/portal/sign-in";
    }

    @PostMapping("/portal/sign-in/code")
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var client = PortalSessions.awaitingCode(request);
        if (client.isEmpty()) {
            return "redirect:/portal/sign-in";
        }
        var check = totp.signIn(client.get(), code.length() > 20 ? "" : code);
        if (check == PortalTotp.Check.ACCEPTED) {
            PortalSessions.signIn(request, client.get(), false);
            return "redirect:/portal/home";
        }
        if (check == PortalTotp.Check.LOCKED) {
            PortalSessions.signOut(request);
            return refuse("", PortalSignIn.LOCKED, response, model);
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("error", "portal.code.error.wrong");
        return "portal/sign-in-code";
    }

    @PostMapping("/portal/sign-out")
    String signOut(HttpServletRequest request) {
        PortalSessions.signOut(request);
        return "redirect:/portal/sign-in?ended";
    }

    private static String refuse(String email, String reason, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("email", email.length() > 254 ? "" : email);
        model.addAttribute("error", reason);
        return "portal/sign-in";
    }
}
