package org.opsdesk.exchange.quotes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.orders.DeskTerms;
import org.opsdesk.exchange.orders.DeskTerms.CurrencyTerms;
import org.opsdesk.exchange.orders.DeskTerms.PairTerms;
import org.opsdesk.exchange.orders.OrderConflict;
import org.opsdesk.exchange.orders.OrderDraft;
import org.opsdesk.exchange.orders.OrderDraft.AccountDraft;
import org.opsdesk.exchange.orders.OrderDraft.LockedQuote;
import org.opsdesk.exchange.orders.Orders;
import org.opsdesk.exchange.orders.Orders.Placed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes for clients: a price at the pair's current rate, checked against the desk's currencies and limits as an
 * order would be, stored and locked for {@code opsdesk.exchange.quotes.validity} (60 s by default). Accepting it
 * places the order through {@link Orders} at exactly the quoted rate and amounts — even if the desk's rate changed
 * meanwhile — and marks it used, in one transaction: a quote makes at most one order.
 */
@Service
public class Quotes {

    private final DeskTerms desk;
    private final Currencies currencies;
    private final QuoteStore store;
    private final Orders orders;
    private final Clock clock;
    private final Duration validity;

    Quotes(
            DeskTerms desk,
            Currencies currencies,
            QuoteStore store,
            Orders orders,
            Clock clock,
            @Value("${opsdesk.exchange.quotes.validity:PT60S}") Duration validity) {
        this.desk = desk;
        this.currencies = currencies;
        this.store = store;
        this.orders = orders;
        this.clock = clock;
        this.validity = validity;
    }

    /** How long a quote stays valid. */
    public Duration validity() {
        return validity;
    }

    /** What a quote would be now, not stored: its pair (as the desk spells it), side and price. */
    public record Offer(String base, String quote, Side side, Priced priced) {}

    /**
     * Prices an exchange at the pair's current rate as a quote would, storing nothing (so that the caller may
     * decide whether the client may order it before a quote exists).
     *
     * @param side {@code buy} (the client buys base and pays in quote) or {@code sell}
     * @throws InvalidInput naming {@code base}, {@code quote}, {@code side}, {@code amount.value} or {@code
     *     amount.currency}
     */
    @Transactional(readOnly = true)
    public Offer price(
            @Nullable String base,
            @Nullable String quote,
            @Nullable String side,
            @Nullable String amountValue,
            @Nullable String amountCurrency) {
        PairTerms pair = desk.quotable(upper(base), upper(quote));
        Side parsed = Side.parse("side", side);
        CurrencyTerms baseTerms = desk.currency("base", pair.base().code());
        CurrencyTerms quoteTerms = desk.currency("quote", pair.quote().code());
        Money amount = currencies.parse("amount", amountValue == null ? "" : amountValue, upper(amountCurrency));
        Priced priced = Pricing.price("amount", parsed, pair.base(), pair.quote(), pair.buy(), pair.sell(), amount);
        desk.withinLimits(priced, baseTerms, quoteTerms);
        return new Offer(pair.base().code(), pair.quote().code(), parsed, priced);
    }

    /**
     * Prices and stores a quote for the client with {@code subject}, valid for {@link #validity()}.
     *
     * @param side {@code buy} (the client buys base and pays in quote) or {@code sell}
     * @throws InvalidInput as {@link #price} does; nothing is stored then
     */
    @Transactional
    public Quote quote(
            String subject,
            @Nullable String base,
            @Nullable String quote,
            @Nullable String side,
            @Nullable String amountValue,
            @Nullable String amountCurrency,
            Actor actor) {
        requireOrders(actor);
        return quote(subject, price(base, quote, side, amountValue, amountCurrency), actor);
    }

    /**
     * Prices an exchange and, when {@code allowed} accepts the offer, stores it as the client's quote, in one
     * transaction: for a caller that decides from the price whether the client may order it.
     *
     * @return the stored quote; empty when {@code allowed} refused the offer (nothing is stored then)
     * @throws InvalidInput as {@link #price} does; nothing is stored then
     */
    @Transactional
    public Optional<Quote> quoteIf(
            String subject,
            @Nullable String base,
            @Nullable String quote,
            @Nullable String side,
            @Nullable String amountValue,
            @Nullable String amountCurrency,
            Predicate<Offer> allowed,
            Actor actor) {
        requireOrders(actor);
        Offer offer = price(base, quote, side, amountValue, amountCurrency);
        return allowed.test(offer) ? Optional.of(quote(subject, offer, actor)) : Optional.empty();
    }

    /**
     * Stores an offer {@link #price} made just now as the client's quote, valid for {@link #validity()}: for a
     * caller that priced it already to decide whether the client may order it, so that the page's one quote
     * prices once.
     */
    @Transactional
    public Quote quote(String subject, Offer offer, Actor actor) {
        requireOrders(actor);
        Instant now = clock.instant();
        var stored = new Quote(
                UUID.randomUUID(),
                offer.base(),
                offer.quote(),
                offer.side(),
                offer.priced(),
                subject,
                now,
                now.plus(validity),
                null);
        store.insert(stored, actor);
        return stored;
    }

    /** The client's own quote; another's or an unknown one is not found. */
    @Transactional(readOnly = true)
    public Quote get(UUID quoteId, String subject) {
        return store.find(quoteId)
                .filter(q -> q.subject().equals(subject))
                .orElseThrow(() -> new NotFound("quote", quoteId.toString()));
    }

    /**
     * Accepts the client's quote: places the order at its locked price with channel {@code portal} and marks the
     * quote used.
     *
     * @param payout where the client receives the currency they buy (an account registered for it)
     * @throws NotFound for an unknown quote or another client's
     * @throws InvalidInput naming {@code quoteId} when the quote expired
     * @throws OrderConflict ({@code quote-used}) when it already made an order
     */
    @Transactional
    public Placed accept(UUID quoteId, String subject, AccountDraft payout, Actor actor) {
        return accept(quoteId, subject, quote -> payout, actor);
    }

    /**
     * As {@link #accept(UUID, String, AccountDraft, Actor)}, the payout account chosen from the quote itself, read
     * and locked in the same transaction as the order is placed in: {@code payoutFor} sees the client's quote before
     * anything is checked or written, and may refuse by throwing (nothing is written then).
     */
    @Transactional
    public Placed accept(UUID quoteId, String subject, Function<Quote, AccountDraft> payoutFor, Actor actor) {
        requireOrders(actor);
        Quote quote = store.lock(quoteId)
                .filter(q -> q.subject().equals(subject))
                .orElseThrow(() -> new NotFound("quote", quoteId.toString()));
        AccountDraft payout = payoutFor.apply(quote);
        if (quote.orderId() != null) {
            throw new OrderConflict("quote-used", "quote " + quoteId + " was accepted already: ask for a new one");
        }
        if (!quote.validAt(clock.instant())) {
            throw InvalidInput.of(
                    "quoteId", "the quote expired at " + quote.expiresAt() + ": ask for a new one at the current rate");
        }
        Priced priced = quote.priced();
        Money typed = quote.typed();
        var draft = new OrderDraft(
                subject,
                quote.base(),
                quote.quote(),
                quote.side().name().toLowerCase(Locale.ROOT),
                typed.value(),
                typed.currency().code(),
                payout,
                null,
                new LockedQuote(quote.id(), priced));
        Placed placed = orders.place(draft, "portal", actor);
        store.markUsed(quote.id(), placed.order().id());
        return placed;
    }

    private static void requireOrders(Actor actor) {
        if (!actor.may(ExchangePermissions.ORDERS)) {
            throw new PermissionDenied(ExchangePermissions.ORDERS);
        }
    }

    private static String upper(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
