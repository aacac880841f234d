package org.opsdesk.exchange.rates;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.web.DeskMessages;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
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
 * {@code /exchange/rates}: every pair's current rate with its mode and a stale marker, and a form adding a pair (or
 * setting a rate); a pair's page with its rate, the form changing buy, sell and mode, its history in keyset pages
 * with a chart of buy and sell, and the CSV export of a range. Changing needs {@code exchange:manage}, checked here
 * and again by the {@link RateBook}; htmx swaps a refused form with the reason beside its field, and sends a
 * successful one to the pair's page.
 */
@Controller
@RequestMapping("/exchange/rates")
class RatePages {

    static final int PAGE_SIZE = 50;

    /** What a rate form holds, to show it again beside a refusal. */
    record Draft(String base, String quote, String buy, String sell, String mode) {
        static Draft of(PairRate rate) {
            return new Draft(
                    rate.base(),
                    rate.quote(),
                    rate.buy().toPlainString(),
                    rate.sell().toPlainString(),
                    rate.mode().code());
        }
    }

    private final RateBook book;
    private final RateHistory history;
    private final RateHistoryCsv csv;
    private final CurrencyBook currencies;
    private final DeskMessages messages;
    private final RateChart chart;

    RatePages(
            RateBook book,
            RateHistory history,
            RateHistoryCsv csv,
            CurrencyBook currencies,
            DeskMessages messages,
            RateChart chart) {
        this.book = book;
        this.history = history;
        this.csv = csv;
        this.currencies = currencies;
        this.messages = messages;
        this.chart = chart;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(Actor actor) {
        return listPage(new Draft("", "", "", "", ExchangeMode.MANUAL.code()), actor);
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping
    ModelAndView add(
            @RequestParam(defaultValue = "") String base,
            @RequestParam(defaultValue = "") String quote,
            @RequestParam(defaultValue = "") String buy,
            @RequestParam(defaultValue = "") String sell,
            @RequestParam(defaultValue = "manual") String mode,
            Actor actor,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var draft = new Draft(base, quote, buy, sell, mode);
        try {
            save(draft, actor);
            return toPair(base, quote, request, response);
        } catch (ProblemException refused) {
            return refused(listPage(draft, actor), "add", refused, locale, request);
        }
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{base}/{quote}")
    ModelAndView pair(
            @PathVariable String base,
            @PathVariable String quote,
            @RequestParam(required = false) @Nullable String cursor,
            Actor actor) {
        var rate = book.current(base, quote).orElseThrow(() -> new NotFound("pair", base + "/" + quote));
        return pairPage(rate, Draft.of(rate), cursor, actor);
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{base}/{quote}")
    ModelAndView change(
            @PathVariable String base,
            @PathVariable String quote,
            @RequestParam(defaultValue = "") String buy,
            @RequestParam(defaultValue = "") String sell,
            @RequestParam(defaultValue = "manual") String mode,
            Actor actor,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var rate = book.current(base, quote).orElseThrow(() -> new NotFound("pair", base + "/" + quote));
        var draft = new Draft(rate.base(), rate.quote(), buy, sell, mode);
        try {
            save(draft, actor);
            return toPair(rate.base(), rate.quote(), request, response);
        } catch (ProblemException refused) {
            return refused(pairPage(rate, draft, null, actor), "edit", refused, locale, request);
        }
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{base}/{quote}/history.csv")
    @Nullable
    ModelAndView export(
            @PathVariable String base,
            @PathVariable String quote,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            Actor actor,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        var rate = book.current(base, quote).orElseThrow(() -> new NotFound("pair", base + "/" + quote));
        RateStore.Range range;
        try {
            range = RateHistory.range(from, to);
        } catch (ProblemException refused) {
            var page = pairPage(rate, Draft.of(rate), null, actor)
                    .addObject("exportError", messages.describe(refused, locale))
                    .addObject("exportField", messages.field(refused));
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
        csv.respond(rate.base(), rate.quote(), range, actor, response);
        return null;
    }

    private void save(Draft draft, Actor actor) {
        book.pair(draft.base(), draft.quote());
        var buy = RateRules.parse("buy", draft.buy());
        var sell = RateRules.parse("sell", draft.sell());
        var mode = ExchangeMode.ofCode(draft.mode())
                .orElseThrow(() -> DeskRefusal.of("mode", "mode", "one of automatic, semi_automatic, manual"));
        book.set(draft.base(), draft.quote(), buy, sell, mode, "manual", actor);
    }

    private ModelAndView listPage(Draft draft, Actor actor) {
        return new ModelAndView("exchange/rates")
                .addObject("rates", book.all())
                .addObject("enabledCodes", currencies.enabledCodes())
                .addObject("modes", ExchangeMode.values())
                .addObject("maxAge", book.maxAge())
                .addObject("draft", draft)
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    private ModelAndView pairPage(PairRate rate, Draft draft, @Nullable String cursor, Actor actor) {
        var page = history.page(rate.base(), rate.quote(), new RateStore.Range(null, null), cursor, PAGE_SIZE);
        return new ModelAndView("exchange/pair")
                .addObject("rate", rate)
                .addObject("history", page.items())
                .addObject("next", page.next())
                .addObject("chartData", chart.json(page.items()))
                .addObject("modes", ExchangeMode.values())
                .addObject("draft", draft)
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    /** After a change: htmx goes to the pair's page by {@code HX-Redirect}, a plain form by a redirect. */
    private static ModelAndView toPair(
            String base, String quote, HttpServletRequest request, HttpServletResponse response) {
        String path = "/exchange/rates/" + base + "/" + quote;
        if (htmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + path);
            return new ModelAndView("exchange/pair :: empty");
        }
        return new ModelAndView("redirect:" + path);
    }

    /** The form again with the refusal beside its field: its fragment for htmx, the whole page (422) otherwise. */
    private ModelAndView refused(
            ModelAndView page, String form, ProblemException refused, Locale locale, HttpServletRequest request) {
        page.addObject("errorField", messages.field(refused)).addObject("error", messages.describe(refused, locale));
        if (htmx(request)) {
            page.setViewName(page.getViewName() + " :: " + form);
        } else {
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return page;
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
