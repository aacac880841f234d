package org.opsdesk.banking.payouts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/payouts}: the payout batches, newest first, with their stage and total; for those who hold
 * {@code exchange:payouts}, a button per payout account making its batch. A refusal (nothing waits, an account that
 * does not pay out) is shown beside that account's button.
 */
@Controller
@RequestMapping("/exchange/payouts")
class PayoutListPages {

    static final int PAGE_SIZE = 50;

    private final PayoutBatches batches;
    private final OfficeAccounts accounts;
    private final PageMessages messages;

    PayoutListPages(PayoutBatches batches, OfficeAccounts accounts, PageMessages messages) {
        this.batches = batches;
        this.accounts = accounts;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(@RequestParam(required = false) @Nullable String cursor, Actor actor) {
        return page(cursor, null, null, actor);
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping
    ModelAndView make(@RequestParam(defaultValue = "") String bankAccountId, Actor actor, Locale locale) {
        try {
            var made = batches.generate(bankAccountId, actor);
            return new ModelAndView("redirect:/exchange/payouts/" + made.row().id());
        } catch (ProblemException refused) {
            return page(null, bankAccountId, messages.of(refused, locale), actor);
        }
    }

    private ModelAndView page(
            @Nullable String cursor, @Nullable String refusedAccount, @Nullable String refusal, Actor actor) {
        var page = batches.list(null, cursor, PAGE_SIZE + 1, actor);
        String next = null;
        if (page.size() > PAGE_SIZE) {
            var last = page.get(PAGE_SIZE - 1).row();
            next = new Keyset.TimeAndId(last.createdAt(), last.id()).cursor();
        }
        return new ModelAndView("banking/payouts")
                .addObject("batches", page.stream().limit(PAGE_SIZE).toList())
                .addObject("next", next)
                .addObject(
                        "accounts",
                        accounts.all().stream()
                                .filter(a -> a.active() && a.paysOut())
                                .toList())
                .addObject("refusedAccount", refusedAccount)
                .addObject("refusal", refusal)
                .addObject("canPay", actor.may(BankingPermissions.PAYOUTS));
    }
}
