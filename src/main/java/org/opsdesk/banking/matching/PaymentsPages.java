package org.opsdesk.banking.matching;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
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
 * {@code /exchange/payments}: the payments queue (by state, reason and account, in keyset pages) and an entry's
 * page — the bank's raw text, the rule, score and evidence, the candidate orders, the decision log — with the
 * decisions (link, return, set aside, re-quote) each asking its reason. A refusal is shown beside the form in the
 * operator's language. With htmx a decision answers the entry's part of the page; without, the page reloads.
 */
@Controller
@RequestMapping("/exchange/payments")
class PaymentsPages {

    static final int PAGE_SIZE = 50;

    private final PaymentQueueReads reads;
    private final PaymentsQueue queue;
    private final OfficeAccounts accounts;
    private final PaymentMessages text;

    PaymentsPages(PaymentQueueReads reads, PaymentsQueue queue, OfficeAccounts accounts, PaymentMessages text) {
        this.reads = reads;
        this.queue = queue;
        this.accounts = accounts;
        this.text = text;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable UUID bankAccount,
            @RequestParam(required = false) @Nullable UUID importId,
            @RequestParam(required = false) @Nullable String cursor,
            Locale locale) {
        var view = new ModelAndView("banking/payments")
                .addObject("state", state == null || state.isBlank() ? "queued" : state)
                .addObject("reason", reason == null || reason.isBlank() ? null : reason)
                .addObject("bankAccount", bankAccount)
                .addObject("importId", importId)
                .addObject("reasons", QueueReason.values())
                .addObject("states", new String[] {"queued", "matched", "linked", "returned", "set_aside", "all"})
                .addObject("accounts", accounts.all());
        try {
            var page = reads.page(state, blankToNull(reason), bankAccount, importId, blankToNull(cursor), PAGE_SIZE);
            return view.addObject("items", page.items()).addObject("next", page.nextCursor());
        } catch (InvalidInput refused) {
            return view.addObject("items", java.util.List.of()).addObject("errors", text.fields(refused, locale));
        }
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{entryId}")
    ModelAndView show(@PathVariable long entryId, Actor actor) {
        return detail(entryId, actor, Map.of(), null, Map.of());
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping("/{entryId}/link")
    ModelAndView link(
            @PathVariable long entryId,
            @RequestParam(defaultValue = "") String orderId,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        return decide(
                entryId,
                "link",
                Map.of("orderId", orderId, "reason", reason),
                reason,
                (id, why, cashier) -> queue.link(id, parseOrder(orderId), why, cashier),
                request,
                actor,
                locale);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping("/{entryId}/return")
    ModelAndView giveBack(
            @PathVariable long entryId,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        return decide(entryId, "return", Map.of("reason", reason), reason, queue::giveBack, request, actor, locale);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping("/{entryId}/set-aside")
    ModelAndView setAside(
            @PathVariable long entryId,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        return decide(entryId, "setAside", Map.of("reason", reason), reason, queue::setAside, request, actor, locale);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping("/{entryId}/requote")
    ModelAndView requote(
            @PathVariable long entryId,
            @RequestParam(defaultValue = "") String consent,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        return decide(entryId, "requote", Map.of("consent", consent), consent, queue::requote, request, actor, locale);
    }

    /** A decision on an entry, with its reason (or, for a re-quote, the client's consent). */
    @FunctionalInterface
    private interface Decision {
        QueuedEntry take(long entryId, String why, Actor cashier);
    }

    /** Runs a decision; the entry's page answers, with a refusal beside the form that asked for it. */
    private ModelAndView decide(
            long entryId,
            String form,
            Map<String, String> typed,
            String why,
            Decision decision,
            HttpServletRequest request,
            Actor actor,
            Locale locale) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        try {
            decision.take(entryId, why, actor);
            if (!htmx) {
                return new ModelAndView("redirect:/exchange/payments/" + entryId);
            }
            return detail(entryId, actor, Map.of(), null, Map.of()).addObject("decided", true);
        } catch (ProblemException refused) {
            var page = refused instanceof InvalidInput invalid
                    ? detail(entryId, actor, text.fields(invalid, locale), form, typed)
                    : detail(entryId, actor, Map.of("decision", text.conflict(refused, locale)), form, typed);
            if (!htmx) {
                // htmx swaps only successful answers: the refusal comes back as the page, beside the form
                page.setStatus(
                        refused instanceof InvalidInput ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT);
            }
            return page;
        }
    }

    private ModelAndView detail(
            long entryId, Actor actor, Map<String, String> errors, @Nullable String form, Map<String, String> typed) {
        var detail = reads.detail(entryId);
        return new ModelAndView("banking/payment")
                .addObject("detail", detail)
                .addObject("entry", detail.entry())
                .addObject(
                        "evidence",
                        MatchStore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(detail.evidence()))
                .addObject("errors", errors)
                .addObject("form", form)
                .addObject("typed", typed)
                .addObject("canDecide", actor.may(BankingPermissions.STATEMENTS));
    }

    private static @Nullable UUID parseOrder(String orderId) {
        try {
            return orderId.isBlank() ? null : UUID.fromString(orderId.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("orderId", "is not an order's id");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
