package org.opsdesk.banking.payouts;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/payouts/{id}}: one batch — its stage, total, account and the release's approval request while it
 * waits — with its items; for those who hold {@code exchange:payouts} the release, the file per format (a form, so
 * that sending the batch needs the page's CSRF token, never a bare link) and, per item, removing it or confirming it
 * by hand with a reason. A refusal is shown beside what caused it.
 */
@Controller
@RequestMapping("/exchange/payouts/{id}")
class PayoutBatchPages {

    private final PayoutBatches batches;
    private final PayoutItems items;
    private final PayoutDispatch dispatch;
    private final OfficeAccounts accounts;
    private final PageMessages messages;

    PayoutBatchPages(
            PayoutBatches batches,
            PayoutItems items,
            PayoutDispatch dispatch,
            OfficeAccounts accounts,
            PageMessages messages) {
        this.batches = batches;
        this.items = items;
        this.dispatch = dispatch;
        this.accounts = accounts;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView show(@PathVariable UUID id, Actor actor) {
        return page(batches.get(id, actor), null, null, actor);
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping("/release")
    ModelAndView release(@PathVariable UUID id, Actor actor, Locale locale) {
        return attempt(id, null, actor, locale, () -> batches.release(id, null, actor));
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping("/items/{itemId}/remove")
    ModelAndView remove(
            @PathVariable UUID id,
            @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            Locale locale) {
        return attempt(id, itemId, actor, locale, () -> items.remove(id, itemId, reason, actor));
    }

    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping("/items/{itemId}/confirm")
    ModelAndView confirm(
            @PathVariable UUID id,
            @PathVariable UUID itemId,
            @RequestParam(defaultValue = "") String reason,
            Actor actor,
            Locale locale) {
        return attempt(id, itemId, actor, locale, () -> items.confirm(id, itemId, reason, actor));
    }

    /** The file (sending a released batch the first time); a refusal comes back as the batch page with its words. */
    @RequiresPermission(BankingPermissions.PAYOUTS)
    @PostMapping("/file")
    Object file(@PathVariable UUID id, @RequestParam(defaultValue = "") String format, Actor actor, Locale locale) {
        try {
            var chosen = PayoutFileFormat.fromParameter(format)
                    .orElseThrow(() -> InvalidInput.of("format", "one of pain.001.001.03, pain.001.001.09, csv"));
            byte[] file = dispatch.download(id, chosen, actor);
            String name = "payout-batch-" + id + "." + chosen.extension();
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(name)
                                    .build()
                                    .toString())
                    .body(file);
        } catch (ProblemException refused) {
            return page(batches.get(id, actor), null, messages.of(refused, locale), actor);
        }
    }

    private ModelAndView attempt(
            UUID id, @Nullable UUID itemId, Actor actor, Locale locale, Supplier<PayoutBatch> change) {
        try {
            change.get();
            return new ModelAndView("redirect:/exchange/payouts/" + id);
        } catch (ProblemException refused) {
            return page(batches.get(id, actor), itemId, messages.of(refused, locale), actor);
        }
    }

    private ModelAndView page(PayoutBatch batch, @Nullable UUID refusedItem, @Nullable String refusal, Actor actor) {
        return new ModelAndView("banking/payout-batch")
                .addObject("batch", batch)
                .addObject("account", accounts.byId(batch.row().bankAccountId()).orElse(null))
                .addObject("formats", PayoutFileFormat.values())
                .addObject("refusedItem", refusedItem)
                .addObject("refusal", refusal)
                .addObject("canPay", actor.may(BankingPermissions.PAYOUTS))
                // links only where they lead: the batch's record and its approval request, and the orders' records
                .addObject("canSeeRecord", actor.may(OperationPermissions.view(PayoutBatches.TYPE)))
                .addObject("canSeeOrders", actor.may(OperationPermissions.view("exchange_order")));
    }
}
