package org.opsdesk.portal.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.signin.SignedInClient;
import org.opsdesk.portal.site.Notices;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The email link and the phone code. Opening the link shows a button that confirms it: a GET never uses a token,
 * so mail scanners that follow links do not spend it. The phone page sends a code on request and checks it.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // the portal chain requires a signed-in client where it matters
class VerificationController {

    private final EmailVerification email;
    private final PhoneVerification phone;
    private final AccountStore accounts;

    VerificationController(EmailVerification email, PhoneVerification phone, AccountStore accounts) {
        this.email = email;
        this.phone = phone;
        this.accounts = accounts;
    }

    @GetMapping("/portal/verify-email")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token.length() > 100 ? "" : token);
        return "portal/verify-email";
    }

    @PostMapping("/portal/verify-email")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        var result = email.confirm(token);
        if (result.confirmation() == EmailVerification.Confirmation.CONFIRMED) {
            boolean sameClient = SignedInClient.current()
                    .map(client -> client.id().equals(result.client()))
                    .orElse(false);
            return sameClient ? "redirect:/portal/verify-phone?notice=emailConfirmed" : "redirect:/portal/sign-in";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("token", "");
        model.addAttribute(
                "error", "portal.email.confirm." + result.confirmation().name().toLowerCase(Locale.ROOT));
        return "portal/verify-email";
    }

    @PostMapping("/portal/verify-email/resend")
    String resend(HttpServletRequest request) {
        var account = accounts.find(SignedInClient.current().orElseThrow().id()).orElseThrow();
        if (account.emailVerifiedAt() != null) {
            return "redirect:/portal/home";
        }
        boolean sent = email.send(
                account,
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        return "redirect:/portal/home?notice=" + (sent ? "emailSent" : "emailNotSent");
    }

    @GetMapping("/portal/verify-phone")
    String phonePage(@RequestParam(required = false) String notice, Model model) {
        var account = accounts.find(SignedInClient.current().orElseThrow().id()).orElseThrow();
        if (account.phoneVerifiedAt() != null) {
            return "redirect:/portal/home";
        }
        model.addAttribute("phone", account.phone());
        model.addAttribute("codeSent", phone.codeOutstanding(account.id()));
        model.addAttribute("notice", Notices.known(notice));
        return "portal/verify-phone";
    }

    @PostMapping("/portal/verify-phone/send")
    String sendCode() {
        var sending = phone.send(SignedInClient.current().orElseThrow().id());
        String notice =
                switch (sending) {
                    case SENT -> "codeSent";
                    case ALREADY_VERIFIED -> "phoneVerified";
                    case TOO_SOON -> "codeTooSoon";
                    case TOO_MANY -> "codeTooMany";
                    case FAILED -> "codeFailed";
                };
        return "redirect:/portal/verify-phone?notice=" + notice;
    }

    @PostMapping("/portal/verify-phone")
    String checkCode(@RequestParam(defaultValue = "") String code, HttpServletResponse response, Model model) {
        var client = SignedInClient.current().orElseThrow();
        var check = phone.verify(client.id(), code.length() > 20 ? "" : code);
        if (check == PhoneVerification.Check.VERIFIED || check == PhoneVerification.Check.ALREADY_VERIFIED) {
            return "redirect:/portal/home?notice=phoneVerified";
        }
        var account = accounts.find(client.id()).orElseThrow();
        response.setStatus(422);
        model.addAttribute("phone", account.phone());
        model.addAttribute("codeSent", phone.codeOutstanding(account.id()));
        model.addAttribute("error", "portal.phone.error." + check.name().toLowerCase(Locale.ROOT));
        return "portal/verify-phone";
    }
}
