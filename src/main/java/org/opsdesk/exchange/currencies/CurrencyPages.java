package org.opsdesk.exchange.currencies;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.web.DeskMessages;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/currencies}: the dictionary with a filter (code or name, enabled only), and a currency's page
 * with its settings, the form that changes them (for {@code exchange:manage}; htmx swaps the form's section, a
 * refusal is shown beside its field) and its change log.
 */
@Controller
@RequestMapping("/exchange/currencies")
class CurrencyPages {

    static final int CHANGES_SHOWN = 50;
    private static final String VIEW = "exchange/currency";

    /** A currency of the list as the page shows it. */
    record Listed(CurrencySettings settings, String name) {}

    /** What the form holds, to show it again beside a refusal. */
    record Draft(boolean enabled, String minAmount, String maxAmount, String paymentWindow) {
        static Draft of(CurrencySettings settings) {
            return new Draft(
                    settings.enabled(),
                    settings.minAmount() == null ? "" : settings.minAmount().toPlainString(),
                    settings.maxAmount() == null ? "" : settings.maxAmount().toPlainString(),
                    settings.paymentWindow().toString());
        }
    }

    private final CurrencyBook book;
    private final DeskMessages messages;

    CurrencyPages(CurrencyBook book, DeskMessages messages) {
        this.book = book;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") String enabled,
            Locale locale) {
        String filter = q.strip().toLowerCase(Locale.ROOT);
        boolean onlyEnabled = "true".equals(enabled);
        List<Listed> currencies = book.all().stream()
                .filter(settings -> !onlyEnabled || settings.enabled())
                .map(settings -> new Listed(settings, CurrencyBook.name(settings.code(), locale)))
                .filter(listed -> filter.isEmpty()
                        || listed.settings().code().toLowerCase(Locale.ROOT).contains(filter)
                        || listed.name().toLowerCase(locale).contains(filter))
                .toList();
        return new ModelAndView("exchange/currencies")
                .addObject("currencies", currencies)
                .addObject("q", q.strip())
                .addObject("onlyEnabled", onlyEnabled);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{code}")
    ModelAndView show(@PathVariable String code, Actor actor, Locale locale) {
        var settings = book.settings(code);
        return page(settings, Draft.of(settings), actor, locale);
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{code}")
    ModelAndView update(
            @PathVariable String code,
            @RequestParam(defaultValue = "false") String enabled,
            @RequestParam(defaultValue = "") String minAmount,
            @RequestParam(defaultValue = "") String maxAmount,
            @RequestParam(defaultValue = "") String paymentWindow,
            Actor actor,
            Locale locale,
            HttpServletRequest request) {
        var current = book.settings(code);
        var draft = new Draft("true".equals(enabled), minAmount, maxAmount, paymentWindow);
        ModelAndView answer;
        try {
            var saved = book.update(code, draft.enabled(), minAmount, maxAmount, paymentWindow, actor);
            answer = page(saved, Draft.of(saved), actor, locale).addObject("saved", true);
        } catch (ProblemException refused) {
            answer = page(current, draft, actor, locale)
                    .addObject("errorField", messages.field(refused))
                    .addObject("error", messages.describe(refused, locale));
            if (!htmx(request)) {
                answer.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            }
        }
        if (htmx(request)) {
            answer.setViewName(VIEW + " :: settings");
        }
        return answer;
    }

    private ModelAndView page(CurrencySettings settings, Draft draft, Actor actor, Locale locale) {
        return new ModelAndView(VIEW)
                .addObject("currency", settings)
                .addObject("name", CurrencyBook.name(settings.code(), locale))
                .addObject("draft", draft)
                .addObject("changes", book.changes(settings.code(), CHANGES_SHOWN))
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
