package org.opsdesk.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.account.PortalSettings;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.shared.SecretBox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in client's two-step sign-in: turning an authenticator app on (the key shown once, kept sealed in the
 * session until a code proves the app has it) and off. Both need the password and a current code.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // the portal chain requires a signed-in client here
class SecurityController {

    private static final String PENDING = "opsdesk.portal.totp-pending";

    private final AccountStore accounts;
    private final PortalTotp totp;
    private final SecretBox secrets;
    private final PortalSettings settings;

    SecurityController(AccountStore accounts, PortalTotp totp, SecretBox secrets, PortalSettings settings) {
        this.accounts = accounts;
        this.totp = totp;
        this.secrets = secrets;
        this.settings = settings;
    }

    @GetMapping("/portal/account/security")
    String page(@RequestParam(required = false) String notice, HttpServletRequest request, Model model) {
        return show(request, model, null, notice);
    }

    @PostMapping("/portal/account/security/enable")
    String enable(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var client = SignedInClient.current().orElseThrow();
        HttpSession session = request.getSession();
        if (session.getAttribute(PENDING) instanceof String sealed
                && totp.enable(client.id(), secrets.open(sealed, owner(client)), password, code)) {
            session.removeAttribute(PENDING);
            return "redirect:/portal/account/security?notice=totpOn";
        }
        response.setStatus(422);
        return show(request, model, "portal.totp.error", null);
    }

    @PostMapping("/portal/account/security/disable")
    String disable(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (totp.disable(SignedInClient.current().orElseThrow().id(), password, code)) {
            return "redirect:/portal/account/security?notice=totpOff";
        }
        response.setStatus(422);
        return show(request, model, "portal.totp.error", null);
    }

    private String show(
            HttpServletRequest request,
            Model model,
            @org.jspecify.annotations.Nullable String error,
            @org.jspecify.annotations.Nullable String notice) {
        var client = SignedInClient.current().orElseThrow();
        var account = accounts.find(client.id()).orElseThrow();
        boolean enabled = account.totpSecret() != null;
        model.addAttribute("enabled", enabled);
        model.addAttribute("error", error);
        model.addAttribute("notice", org.opsdesk.portal.site.Notices.known(notice));
        if (!enabled) {
            HttpSession session = request.getSession();
            byte[] secret = session.getAttribute(PENDING) instanceof String sealed
                    ? secrets.open(sealed, owner(client))
                    : AuthenticatorCodes.newSecret();
            session.setAttribute(PENDING, secrets.seal(secret, owner(client)));
            model.addAttribute("key", AuthenticatorCodes.shown(secret));
            model.addAttribute("uri", AuthenticatorCodes.uri(settings.name(), account.email(), secret));
        }
        return "portal/security";
    }

    private static String owner(SignedInClient client) {
        return "portal-totp-pending:" + client.id();
    }
}
