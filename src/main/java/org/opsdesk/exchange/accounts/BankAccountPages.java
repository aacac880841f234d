package org.opsdesk.exchange.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/bank-accounts}: the office's accounts with their printed numbers, currency, purpose, defaults and
 * balances; for those who manage the desk, the form adding one, and on an account's page the form changing it,
 * disabling and enabling it, with its change log. A refused field is shown beside it in the operator's language.
 * With htmx a form answers the part of the page it changed; without, the page works by full reloads.
 */
@Controller
@RequestMapping("/exchange/bank-accounts")
class BankAccountPages {

    static final int PAGE_SIZE = 100;
    static final int CHANGES_SHOWN = 50;

    private final BankAccounts accounts;
    private final FieldMessages fieldMessages;

    BankAccountPages(BankAccounts accounts, FieldMessages fieldMessages) {
        this.accounts = accounts;
        this.fieldMessages = fieldMessages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable UUID added,
            Actor actor) {
        var page = listPage(cursor, BankAccountDraft.EMPTY, Map.of(), actor);
        return added == null ? page : page.addObject("added", accounts.get(added));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping
    ModelAndView create(
            @RequestParam(defaultValue = "") String bankName,
            @RequestParam(defaultValue = "") String bic,
            @RequestParam(defaultValue = "iban") String kind,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String purpose,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        boolean iban = !"accountNumber".equals(kind);
        var draft = new BankAccountDraft(
                bankName, bic, iban ? number : null, iban ? null : number, currency.strip(), purpose);
        try {
            BankAccount created = accounts.create(draft, actor);
            if (!htmx(request)) {
                return new ModelAndView("redirect:/exchange/bank-accounts?added=" + created.id());
            }
            return listPage(null, BankAccountDraft.EMPTY, Map.of(), actor).addObject("added", created);
        } catch (InvalidInput refused) {
            return listPage(null, draft, numberUnderItsField(fieldMessages.of(refused, locale)), actor)
                    .addObject("kind", iban ? "iban" : "accountNumber");
        }
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{id}")
    ModelAndView show(@PathVariable UUID id, Actor actor) {
        BankAccount account = accounts.get(id);
        return detail(account, edit(account), Map.of(), actor);
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{id}")
    ModelAndView update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String bankName,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "false") boolean defaultIncoming,
            @RequestParam(defaultValue = "false") boolean defaultPayout,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        var edit = new AccountEdit(bankName, purpose, defaultIncoming, defaultPayout);
        return attempt(id, edit, request, actor, locale, () -> accounts.update(id, edit, actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{id}/disable")
    ModelAndView disable(@PathVariable UUID id, HttpServletRequest request, Actor actor, Locale locale) {
        return attempt(id, null, request, actor, locale, () -> accounts.disable(id, actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{id}/enable")
    ModelAndView enable(@PathVariable UUID id, HttpServletRequest request, Actor actor, Locale locale) {
        return attempt(id, null, request, actor, locale, () -> accounts.enable(id, actor));
    }

    /** Runs a change of one account; its page answers, with the refused fields beside the form. */
    private ModelAndView attempt(
            UUID id,
            @Nullable AccountEdit typed,
            HttpServletRequest request,
            Actor actor,
            Locale locale,
            Supplier<BankAccount> change) {
        try {
            BankAccount changed = change.get();
            if (!htmx(request)) {
                return new ModelAndView("redirect:/exchange/bank-accounts/" + id);
            }
            return detail(changed, edit(changed), Map.of(), actor).addObject("saved", true);
        } catch (InvalidInput refused) {
            BankAccount account = accounts.get(id);
            return detail(account, typed == null ? edit(account) : typed, fieldMessages.of(refused, locale), actor);
        }
    }

    private ModelAndView listPage(
            @Nullable String cursor, BankAccountDraft draft, Map<String, String> errors, Actor actor) {
        var page = accounts.list(null, ListCursor.read(cursor), PAGE_SIZE + 1);
        return new ModelAndView("exchange/bank-accounts")
                .addObject("accounts", page.stream().limit(PAGE_SIZE).toList())
                .addObject("next", page.size() > PAGE_SIZE ? ListCursor.after(page.get(PAGE_SIZE - 1)) : null)
                .addObject("draft", draft)
                .addObject(
                        "kind",
                        draft.accountNumber() == null || draft.accountNumber().isBlank() ? "iban" : "accountNumber")
                .addObject("errors", errors)
                .addObject("purposes", Purpose.values())
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    private ModelAndView detail(BankAccount account, AccountEdit edit, Map<String, String> errors, Actor actor) {
        return new ModelAndView("exchange/bank-account")
                .addObject("account", account)
                .addObject("edit", edit)
                .addObject("errors", errors)
                .addObject("purposes", Purpose.values())
                .addObject("changes", accounts.changes(account.id(), CHANGES_SHOWN))
                .addObject("canManage", actor.may(ExchangePermissions.MANAGE));
    }

    private static AccountEdit edit(BankAccount account) {
        return new AccountEdit(
                account.bankName(), account.purpose().code(), account.defaultIncoming(), account.defaultPayout());
    }

    /** The form has one number field whichever kind is chosen: its refusals are shown there. */
    private static Map<String, String> numberUnderItsField(Map<String, String> errors) {
        var shown = new java.util.LinkedHashMap<String, String>();
        errors.forEach((field, message) ->
                shown.putIfAbsent(field.equals("iban") || field.equals("accountNumber") ? "number" : field, message));
        return shown;
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
