package org.opsdesk.banking.mappings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/statements/mappings}: the banks' saved CSV mappings in the console — listed for everyone who reads
 * the exchange desk, written by those who import statements ({@code exchange:statements}). A mapping is never
 * changed in place (an import names the mapping it was read with), so "edit" opens the form filled from an existing
 * one and saves a new mapping under a new name. The server checks the form as the API does; every refused field is
 * shown beside its input, in the operator's language.
 */
@Controller
@RequestMapping(StatementMappingPages.PATH)
class StatementMappingPages {

    static final String PATH = "/exchange/statements/mappings";

    private final StatementMappings mappings;
    private final MessageSource messages;

    StatementMappingPages(StatementMappings mappings, MessageSource messages) {
        this.mappings = mappings;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(@RequestParam(name = "saved", required = false) @Nullable UUID saved, Actor actor) {
        return new ModelAndView("banking/mappings")
                .addObject("mappings", mappings.all())
                .addObject("saved", saved == null ? null : mappings.find(saved).orElse(null))
                .addObject("canEdit", actor.may(BankingPermissions.STATEMENTS));
    }

    /** The form: empty, or filled from the mapping {@code from} (which stays as it is). */
    @RequiresPermission(BankingPermissions.STATEMENTS)
    @GetMapping("/new")
    ModelAndView form(@RequestParam(name = "from", required = false) @Nullable UUID from) {
        if (from == null) {
            return form(MappingForm.empty(), null, Map.of());
        }
        SavedMapping base = mappings.find(from).orElseThrow(() -> new NotFound("statement mapping", from.toString()));
        return form(MappingForm.of(base), base, Map.of());
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping
    ModelAndView save(MappingForm typed, Actor actor, Locale locale) {
        var errors = new LinkedHashMap<String, String>();
        MappingFields fields = typed.fields(errors);
        if (!errors.isEmpty()) { // the numbers that are none, and everything else the save would refuse
            mappings.refusals(typed.name(), typed.bankName(), fields)
                    .forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        } else {
            try {
                SavedMapping saved = mappings.save(typed.name(), typed.bankName(), fields, actor);
                return new ModelAndView("redirect:" + PATH + "?saved=" + saved.id());
            } catch (ProblemException refused) {
                refused.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
                if (refused.errors().isEmpty()) {
                    errors.put("form", refused.detail());
                }
            }
        }
        var page = form(
                typed,
                typed.from() == null ? null : mappings.find(typed.from()).orElse(null),
                labelled(errors, locale));
        page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return page;
    }

    private static ModelAndView form(MappingForm form, @Nullable SavedMapping base, Map<String, String> errors) {
        return new ModelAndView("banking/mapping-form")
                .addObject("values", form.values())
                .addObject("base", base)
                .addObject("errors", errors);
    }

    /** Each refusal beside its input: the field's label in the operator's language, then the server's reason. */
    private Map<String, String> labelled(Map<String, String> errors, Locale locale) {
        var labelled = new LinkedHashMap<String, String>();
        errors.forEach((field, reason) -> labelled.put(
                field, messages.getMessage("banking.mapping.field." + field, null, field, locale) + ": " + reason));
        return labelled;
    }
}
