package org.opsdesk.exchange.ecbimport;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.web.DeskMessages;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/ecb-import}: the pairs' spreads with a form setting one, a form uploading an ECB reference-rate
 * file, what the last upload set and skipped, and the log of imports (uploaded and scheduled). Changing needs
 * {@code exchange:manage}, checked here and again by the services; a refusal shows beside its field (422).
 */
@Controller
@RequestMapping(EcbImportPages.PATH)
class EcbImportPages {

    static final String PATH = "/exchange/ecb-import";

    /** The spread form's values, to show them again beside a refusal. */
    record SpreadDraft(String base, String quote, String spreadBps) {}

    private final PairSpreads spreads;
    private final EcbImport importer;
    private final ImportLog log;
    private final CurrencyBook currencies;
    private final DeskMessages messages;

    EcbImportPages(
            PairSpreads spreads, EcbImport importer, ImportLog log, CurrencyBook currencies, DeskMessages messages) {
        this.spreads = spreads;
        this.importer = importer;
        this.log = log;
        this.currencies = currencies;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView page(Actor actor) {
        return page(new SpreadDraft("", "", ""), null, actor);
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/spreads")
    ModelAndView setSpread(
            @RequestParam(defaultValue = "") String base,
            @RequestParam(defaultValue = "") String quote,
            @RequestParam(defaultValue = "") String spreadBps,
            Actor actor,
            Locale locale) {
        var draft = new SpreadDraft(base, quote, spreadBps);
        try {
            spreads.set(base, quote, bps(spreadBps), actor);
            return new ModelAndView("redirect:" + PATH);
        } catch (ProblemException refused) {
            return refused(page(draft, null, actor), "spread", refused, locale);
        }
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping
    ModelAndView upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Actor actor, Locale locale) {
        try {
            var done = importer.run(EcbUpload.read(file), "upload", EcbUpload.name(file), actor);
            return page(new SpreadDraft("", "", ""), done, actor);
        } catch (ProblemException refused) {
            return refused(page(new SpreadDraft("", "", ""), null, actor), "upload", refused, locale);
        }
    }

    private ModelAndView page(SpreadDraft draft, @Nullable ImportRecord done, Actor actor) {
        return new ModelAndView("exchange/ecb-import")
                .addObject("spreads", spreads.all())
                .addObject("imports", log.recent(50))
                .addObject("enabledCodes", currencies.enabledCodes())
                .addObject("draft", draft)
                .addObject("done", done)
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    private ModelAndView refused(ModelAndView page, String form, ProblemException refused, Locale locale) {
        page.addObject("errorForm", form)
                .addObject("errorField", messages.field(refused))
                .addObject("error", messages.describe(refused, locale));
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    private static @Nullable Integer bps(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null; // refused by PairSpreads on spreadBps
        }
    }
}
