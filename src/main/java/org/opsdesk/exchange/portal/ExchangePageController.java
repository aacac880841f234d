package org.opsdesk.exchange.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.OrderConflict;
import org.opsdesk.exchange.orders.OrderDraft.AccountDraft;
import org.opsdesk.exchange.quotes.Quote;
import org.opsdesk.exchange.quotes.Quotes;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.portal.KycState;
import org.opsdesk.portal.PayoutAccount;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's Exchange page: the client picks a pair and side and types an amount in either currency; the server
 * prices and locks a quote and shows the rate, both amounts, the payout account and how long the quote holds;
 * Accept turns it into an order and opens the order's page. Ordering is offered only as far as
 * {@link PortalClients#mayOrder} allows, and the page says why not otherwise.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE) // the portal chain requires a signed-in client; acts for them only
class ExchangePageController {

    private static final String VIEW = "portal/orders/exchange";

    private final PortalClients clients;
    private final Quotes quotes;
    private final RateBook rates;

    ExchangePageController(PortalClients clients, Quotes quotes, RateBook rates) {
        this.clients = clients;
        this.quotes = quotes;
        this.rates = rates;
    }

    @GetMapping("/portal/exchange")
    String page(Model model) {
        return render(client(), QuoteForm.empty(), null, Map.of(), model);
    }

    /**
     * The quote. Asked by htmx (the page's script), the answer is the quote section alone, or the form again with
     * its errors, retargeted to replace the page's body; without script, the whole page.
     */
    @PostMapping("/portal/exchange")
    String quote(
            QuoteForm form,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response) {
        PortalClient client = client();
        var refusal = new Refusal(htmx, response);
        if (!mayEverOrder(client)) {
            return render(client, form, null, Map.of(), model, refusal.view());
        }
        Map<String, String> tooLong = form.tooLong();
        if (!tooLong.isEmpty()) {
            return render(client, form, null, tooLong, model, refusal.view());
        }
        Quote quote;
        try {
            var stored = quotes.quoteIf( // priced and stored in one transaction
                    client.subject(),
                    form.base(),
                    form.quote(),
                    form.side(),
                    form.amount(),
                    form.currency(),
                    offer -> clients.mayOrder(client, offer.priced().pay()),
                    ClientActor.of(client));
            if (stored.isEmpty()) {
                return render(
                        client, form, null, Map.of("amount", "portal.orders.error.beforeKyc"), model, refusal.view());
            }
            quote = stored.get();
        } catch (InvalidInput refused) {
            return render(client, form, null, QuoteForm.errors(refused), model, refusal.view());
        }
        if (htmx != null) {
            addQuote(client, quote, model);
            return VIEW + " :: quote";
        }
        return render(client, form, quote, Map.of(), model, VIEW);
    }

    /** How a quote refused answers: the whole page, or for htmx the page's body, retargeted to replace it. */
    private record Refusal(@Nullable String htmx, HttpServletResponse response) {

        String view() {
            if (htmx == null) {
                return VIEW;
            }
            response.setHeader("HX-Retarget", "#exchange-body");
            response.setHeader("HX-Reswap", "outerHTML");
            return VIEW + " :: body";
        }
    }

    /**
     * Accept: the quote is read, checked and turned into the order in one transaction ({@link Quotes#accept(UUID,
     * String, java.util.function.Function, org.opsdesk.shared.Actor)}); when the client may not order it, or has no
     * account to be paid out to, nothing is written and the page offers the quote's form again.
     */
    @PostMapping("/portal/exchange/accept")
    String accept(@RequestParam(required = false) @Nullable String quoteId, Model model) {
        PortalClient client = client();
        var attempt = new Attempt();
        try {
            var placed = quotes.accept(
                    id(quoteId), client.subject(), quote -> attempt.payout(client, quote), ClientActor.of(client));
            return "redirect:/portal/orders/" + placed.order().id() + "?notice=placed";
        } catch (NotAccepted refused) {
            return render(client, attempt.again(), refused.quoteShown, refused.errors, model);
        } catch (InvalidInput expired) {
            return render(client, attempt.again(), null, Map.of("form", "portal.orders.error.expired"), model);
        } catch (OrderConflict used) {
            return render(client, attempt.again(), null, Map.of("form", "portal.orders.error.used"), model);
        }
    }

    /** What Accept learnt of the quote inside its transaction, to offer its form again when it is refused. */
    private final class Attempt {

        private @Nullable Quote quote;

        AccountDraft payout(PortalClient client, Quote locked) {
            quote = locked;
            if (!clients.mayOrder(client, locked.priced().pay())) {
                throw new NotAccepted(null, Map.of("amount", "portal.orders.error.beforeKyc"));
            }
            PayoutAccount payout = payoutAccount(client, locked).orElseThrow(() -> new NotAccepted(locked, Map.of()));
            return new AccountDraft(payout.iban().value(), null, client.displayName(), null);
        }

        QuoteForm again() {
            Quote seen = java.util.Objects.requireNonNull(quote, "the quote was read before any refusal");
            return new QuoteForm(
                    seen.base() + "/" + seen.quote(),
                    seen.side().name().toLowerCase(java.util.Locale.ROOT),
                    seen.typed().value(),
                    seen.typed().currency().code());
        }
    }

    /** The client may not order this quote (yet): the page shows why, nothing was written. */
    private static final class NotAccepted extends RuntimeException {

        private final transient @Nullable Quote quoteShown;
        private final Map<String, String> errors;

        NotAccepted(@Nullable Quote quoteShown, Map<String, String> errors) {
            super(null, null, false, false);
            this.quoteShown = quoteShown;
            this.errors = errors;
        }
    }

    private String render(
            PortalClient client, QuoteForm form, @Nullable Quote quote, Map<String, String> errors, Model model) {
        return render(client, form, quote, errors, model, VIEW);
    }

    private String render(
            PortalClient client,
            QuoteForm form,
            @Nullable Quote quote,
            Map<String, String> errors,
            Model model,
            String view) {
        List<PairRate> pairs = rates.all().stream()
                .filter(PairRate::quotable)
                .sorted(Comparator.comparing(PairRate::base).thenComparing(PairRate::quote))
                .toList();
        var currencies = PairRate.currenciesOf(pairs);
        model.addAttribute("client", client);
        model.addAttribute("kyc", client.kyc().code());
        model.addAttribute("mayOrder", mayEverOrder(client));
        model.addAttribute("pairs", pairs);
        model.addAttribute("currencies", currencies);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        addQuote(client, quote, model);
        return view;
    }

    private void addQuote(PortalClient client, @Nullable Quote quote, Model model) {
        model.addAttribute("quote", quote);
        model.addAttribute("validitySeconds", quotes.validity().toSeconds());
        model.addAttribute(
                "payout", quote == null ? null : payoutAccount(client, quote).orElse(null));
    }

    /** Whether the client may order anything at all now: not before contacts are verified or after a rejection. */
    private static boolean mayEverOrder(PortalClient client) {
        return client.kyc() == KycState.APPROVED || client.kyc() == KycState.PENDING;
    }

    private static Optional<PayoutAccount> payoutAccount(PortalClient client, Quote quote) {
        return client.payoutAccounts().stream()
                .filter(account ->
                        account.currency().equals(quote.priced().receive().currency()))
                .findFirst();
    }

    private PortalClient client() {
        return clients.signedIn().orElseThrow(() -> new NotFound("portal client", "signed in"));
    }

    static UUID id(@Nullable String typed) {
        try {
            return UUID.fromString(typed == null ? "" : typed);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("quote", String.valueOf(typed));
        }
    }
}
