package org.opsdesk.access.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in operator's language switch: a POST (with its CSRF token) that saves the language to their profile,
 * so it follows them to every browser and node and into the emails they get, and goes back to the page it was
 * pressed on.
 */
@Controller
class LanguageController {

    private final OperatorStore operators;
    private final SecurityLog securityLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LanguageController(
            OperatorStore operators, SecurityLog securityLog, TransactionTemplate transactions, Clock clock) {
        this.operators = operators;
        this.securityLog = securityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/account/language")
    @RequiresPermission(RequiresPermission.SIGNED_IN)
    String choose(
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(name = "return", defaultValue = "/") String back,
            Actor actor,
            HttpServletRequest request) {
        var supported = LanguageSwitch.supported(lang);
        if (supported.isPresent() && actor.kind() == Actor.Kind.OPERATOR) {
            String tag = supported.get().toLanguageTag();
            transactions.executeWithoutResult(status -> {
                if (operators.setLocale(actor.id(), tag, clock.instant())) {
                    securityLog.record(
                            SecurityEvents.OPERATOR_UPDATED,
                            actor,
                            SecurityLog.operator(actor.id()),
                            Map.of("locale", tag));
                }
            });
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(LanguageSwitch.SESSION); // the profile speaks for this session again
            }
        }
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    /** A path on this site: no scheme, no host, no protocol-relative {@code //} or {@code /\}, no line breaks. */
    static boolean isLocalPath(String path) {
        return path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
