package org.opsdesk.portal.site;

import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.signin.SignedInClient;
import org.opsdesk.portal.verification.KycHandOff;
import org.opsdesk.portal.verification.PhoneVerification;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in client's home: what they can do now and where their verification stands — the email link, the
 * phone code, then compliance's identity check — each with the next step to take. Ordering is added here when the
 * exchange's quotes and orders are built.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // the portal chain requires a signed-in client here
class HomeController {

    private final AccountStore accounts;
    private final KycHandOff kyc;
    private final PhoneVerification phone;

    HomeController(AccountStore accounts, KycHandOff kyc, PhoneVerification phone) {
        this.accounts = accounts;
        this.kyc = kyc;
        this.phone = phone;
    }

    @GetMapping("/portal/home")
    String home(@RequestParam(required = false) String notice, Model model) {
        var client = SignedInClient.current().orElseThrow();
        Account account = accounts.find(client.id()).orElseThrow();
        model.addAttribute("account", account);
        model.addAttribute("emailVerified", account.emailVerifiedAt() != null);
        model.addAttribute("phoneVerified", account.phoneVerifiedAt() != null);
        model.addAttribute("phoneCodeSent", phone.codeOutstanding(account.id()));
        model.addAttribute("kyc", kyc.state(account).code());
        model.addAttribute("notice", Notices.known(notice));
        return "portal/home";
    }
}
