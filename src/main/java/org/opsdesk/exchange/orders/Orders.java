package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.accounts.ClientAccount;
import org.opsdesk.exchange.accounts.PairedAccount;
import org.opsdesk.exchange.orders.DeskTerms.CurrencyTerms;
import org.opsdesk.exchange.orders.DeskTerms.PairTerms;
import org.opsdesk.exchange.quotes.Pricing;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.exchange.quotes.Side;
import org.opsdesk.operations.DuplicateReference;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exchange orders: placing one (at the desk, by an integrator, from a portal quote), reading it, and changing its
 * rate. Placing checks the pair and currencies against the desk, prices the exchange ({@link Pricing}: the client
 * never gets more than the rate gives), checks both amounts against their currency's limits, chooses the office's
 * accounts (paired by bank where possible), gives it a unique ISO 11649 payment reference and its deadline (the
 * payment window of the currency the client pays in), and creates the {@code exchange_order} operation with the
 * client-facing facts in its attributes — all in one transaction.
 */
@Service
public class Orders {

    static final String TYPE = "exchange_order";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REFERENCE_TRIES = 5;

    private final DeskTerms desk;
    private final Currencies currencies;
    private final OrderStore store;
    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Workflows workflows;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final int fourEyesAboveBasisPoints;

    Orders(
            DeskTerms desk,
            Currencies currencies,
            OrderStore store,
            OperationCommands commands,
            OperationQueries queries,
            Workflows workflows,
            Clock clock,
            @Value("${opsdesk.exchange.orders.rate-change-four-eyes-above-bps:100}") int fourEyesAboveBasisPoints) {
        this.desk = desk;
        this.currencies = currencies;
        this.store = store;
        this.commands = commands;
        this.queries = queries;
        this.workflows = workflows;
        this.clock = clock;
        this.fourEyesAboveBasisPoints = fourEyesAboveBasisPoints;
    }

    /** An order with its operation's stage and status now. */
    public record Placed(ExchangeOrder order, OperationSnapshot operation) {}

    /**
     * Places an order at the pair's current rate.
     *
     * @param channel {@code desk}, {@code api} or {@code portal}
     * @param actor who enters it (a cashier, an integrator's key, the portal acting for its client); must hold
     *     {@code exchange:orders}, except the portal's own process
     * @throws InvalidInput naming the body's field for every refusal of what was asked
     */
    @Transactional
    public Placed place(OrderDraft draft, String channel, Actor actor) {
        requireOrders(actor);
        String subject = draft.subject() == null ? "" : draft.subject().strip();
        if (subject.isEmpty() || subject.length() > 128 || subject.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of("subject", "1 to 128 characters, no control characters: the client's subject");
        }
        Side side = Side.parse("side", draft.side());
        PairTerms pair = desk.quotable(upper(draft.base()), upper(draft.quote()));
        CurrencyTerms baseTerms = desk.currency("base", pair.base().code());
        CurrencyTerms quoteTerms = desk.currency("quote", pair.quote().code());
        Money amount = currencies.parse("amount", draft.amountValue(), upper(draft.amountCurrency()));
        Priced priced = draft.locked() == null
                ? Pricing.price("amount", side, pair.base(), pair.quote(), pair.buy(), pair.sell(), amount)
                : draft.locked().priced();
        CurrencyTerms payTerms = desk.withinLimits(priced, baseTerms, quoteTerms);
        var payoutDraft = draft.payoutAccount();
        ClientAccount payout = ClientAccount.parse(
                "payoutAccount", payoutDraft.iban(), payoutDraft.accountNumber(), payoutDraft.bic());
        String payoutName = ClientAccounts.holderName("payoutAccount.name", payoutDraft.name());
        var payFromDraft = draft.payFrom();
        ClientAccount payFrom = payFromDraft == null
                ? null
                : ClientAccount.parse("payFrom", payFromDraft.iban(), payFromDraft.accountNumber(), payFromDraft.bic());
        PairedAccount payIn =
                desk.payIn("amount.currency", priced.pay().currency().code(), payFrom);
        PairedAccount payoutFrom = desk.payoutFrom(priced.receive().currency().code(), payout);
        Instant now = clock.instant();
        Instant deadline = now.plus(payTerms.paymentWindow());
        for (int attempt = 1; ; attempt++) {
            var reference = PaymentReference.random(random);
            var order = new ExchangeOrder(
                    UUID.randomUUID(), // replaced by the operation's id below
                    pair.base().code(),
                    pair.quote().code(),
                    side,
                    priced.rate(),
                    priced.rate(),
                    priced.pay(),
                    priced.receive(),
                    priced.fixed(),
                    reference,
                    payIn.bankAccountId(),
                    payIn.pairedByBank(),
                    payIn.bankName(),
                    payIn.iban(),
                    payIn.accountNumber(),
                    payoutFrom == null ? null : payoutFrom.bankAccountId(),
                    payoutFrom != null && payoutFrom.pairedByBank(),
                    isIban(payoutDraft.iban()) ? payout.number() : null,
                    isIban(payoutDraft.iban()) ? null : payout.number(),
                    payoutName,
                    payFrom != null && isIban(payFromDraft.iban()) ? payFrom.number() : null,
                    payFrom != null && !isIban(payFromDraft.iban()) ? payFrom.number() : null,
                    deadline,
                    channel,
                    draft.locked() == null ? null : draft.locked().quoteId(),
                    now);
            OperationSnapshot operation;
            try {
                operation = commands.create(
                        new NewOperation(
                                TYPE, reference.value(), subject, priced.pay(), attributes(order, null), deadline),
                        acting(actor));
            } catch (DuplicateReference taken) {
                if (attempt == REFERENCE_TRIES) {
                    throw taken;
                }
                continue; // a random reference met an existing one: draw again
            }
            var stored = order.withId(operation.id());
            store.insert(stored, subject);
            return new Placed(stored, operation);
        }
    }

    /**
     * The order and its operation as the actor may see them.
     *
     * @throws NotFound if there is no such order or the actor may not see exchange orders
     */
    @Transactional(readOnly = true)
    public Placed get(UUID id, Actor actor) {
        if (!actor.may(ExchangePermissions.VIEW) && !actor.may(ExchangePermissions.ORDERS)) {
            throw new NotFound("exchange order", id.toString());
        }
        ExchangeOrder order = store.find(id).orElseThrow(() -> new NotFound("exchange order", id.toString()));
        return new Placed(order, queries.get(id, acting(actor)));
    }

    /** The order's details, for modules that already decided the reader may see the operation. */
    public Optional<ExchangeOrder> find(UUID id) {
        return store.find(id);
    }

    /** The details of these orders, by id, for modules that already decided the reader may see them. */
    public Map<UUID, ExchangeOrder> findAll(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    /** What a rate change did: applied at once, or waiting for a second person. */
    public record RateChange(Placed order, @Nullable UUID pendingRequest) {}

    /**
     * Changes the rate of an order that is not closed: the amount the client typed stays, the other is recomputed
     * with the same rounding; recorded in the order's rate log and in the operation's history with the reason.
     * Beyond {@code opsdesk.exchange.orders.rate-change-four-eyes-above-bps} from the rate the client accepted,
     * it waits for a second person instead ({@link #decideRateChange}).
     */
    @Transactional
    public RateChange changeRate(UUID id, String rateText, String reason, Actor actor) {
        requireOrders(actor);
        BigDecimal rate = rate("rate", rateText);
        String why = reason("reason", reason);
        ExchangeOrder order = store.lock(id).orElseThrow(() -> new NotFound("exchange order", id.toString()));
        OperationSnapshot operation = open(order, actor);
        if (order.rate().compareTo(rate) == 0) {
            throw InvalidInput.of("rate", "is the order's rate already");
        }
        Priced repriced = Pricing.reprice(order.priced(), rate, order.side());
        if (basisPoints(order.quotedRate(), rate) > fourEyesAboveBasisPoints) {
            UUID request = store.requestRateChange(id, rate, why, actor, clock.instant())
                    .orElseThrow(() -> new OrderConflict(
                            "rate-change-pending", "order " + id + " already has a rate change waiting for approval"));
            return new RateChange(new Placed(order, operation), request);
        }
        return new RateChange(apply(order, repriced, why, actor, null), null);
    }

    /**
     * A second person approves (the change applies, in the maker's name, listing the approver) or declines a
     * pending rate change. The maker may not decide their own.
     */
    @Transactional
    public Placed decideRateChange(UUID requestId, boolean approve, @Nullable String note, Actor checker) {
        requireOrders(checker);
        var request = store.lockRequest(requestId)
                .orElseThrow(() -> new NotFound("rate change request", requestId.toString()));
        if (!request.pending()) {
            throw new OrderConflict(
                    "rate-change-decided",
                    "this rate change was already " + request.state().toLowerCase(Locale.ROOT));
        }
        if (request.makerPerson().equals(checker.person())) {
            throw new OrderConflict("maker-cannot-decide", "the person who asked for a rate change cannot decide it");
        }
        String decisionNote = note == null || note.isBlank() ? null : reason("note", note);
        ExchangeOrder order = store.lock(request.operationId()).orElseThrow();
        OperationSnapshot operation = open(order, checker);
        store.decideRequest(requestId, approve ? "APPROVED" : "DECLINED", checker, decisionNote, clock.instant());
        if (!approve) {
            return new Placed(order, operation);
        }
        Priced repriced = Pricing.reprice(order.priced(), request.toRate(), order.side());
        return apply(order, repriced, request.reason(), request.maker(), checker);
    }

    private Placed apply(ExchangeOrder order, Priced repriced, String reason, Actor actor, @Nullable Actor approver) {
        var changed = order.repricedAt(repriced);
        Instant now = clock.instant();
        store.changeRate(order, changed, reason, actor, approver, now);
        // The reason goes out with the change (the client's rate-change notice quotes it); who approved it is an
        // internal note of the history entry, so no operator's name reaches the client.
        String approval = approver == null ? null : "approved by " + approver.name();
        OperationSnapshot operation = commands.editAttributes(
                order.id(),
                current -> attributes(changed, current),
                changed.pay(),
                reason,
                approval,
                null,
                acting(actor));
        return new Placed(changed, operation);
    }

    private OperationSnapshot open(ExchangeOrder order, Actor actor) {
        OperationSnapshot operation = queries.get(order.id(), acting(actor));
        boolean closed = workflows
                .version(operation.type(), operation.workflowVersion())
                .stage(operation.stage())
                // completed is left only by a returned payout (ADR 0033): its rate is settled all the same
                .map(s -> s.terminal() || s.status() == Status.SUCCESS)
                .orElse(true);
        if (closed) {
            throw new OrderConflict(
                    "order-closed",
                    "order " + order.id() + " is " + operation.stage() + ": its rate no longer changes");
        }
        return operation;
    }

    /**
     * The exchange module vouches for the operations calls it makes for an actor it has checked: the person stays
     * the one recorded, with just the operation permissions this needs.
     */
    private static Actor acting(Actor actor) {
        return new Actor(
                actor.kind(),
                actor.id(),
                actor.name(),
                Permissions.of(
                        OperationPermissions.view(TYPE),
                        OperationPermissions.create(TYPE),
                        OperationPermissions.update(TYPE)),
                actor.person());
    }

    private static void requireOrders(Actor actor) {
        if (!actor.may(ExchangePermissions.ORDERS)) {
            throw new PermissionDenied(ExchangePermissions.ORDERS);
        }
    }

    /** The client-facing facts, merged into the operation's attributes (the notification templates read them). */
    private String attributes(ExchangeOrder order, @Nullable String current) {
        ObjectNode node = current == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(current);
        node.put("pair", order.pair());
        node.put("side", order.side().name().toLowerCase(Locale.ROOT));
        node.put("rate", order.rate().toPlainString());
        node.put("pay", order.pay().toString());
        node.put("receive", order.receive().toString());
        node.put("paymentReference", order.paymentReference().printed());
        node.put("payInHolder", desk.beneficiaryName());
        node.put("payInBank", order.payInBank());
        node.put("payInIban", order.payInIban() == null ? order.payInNumber() : new Iban(order.payInIban()).printed());
        node.put("deadline", order.deadline().toString());
        node.put(
                "payoutIban",
                order.payoutIban() == null ? order.payoutAccount() : new Iban(order.payoutIban()).printed());
        return JSON.writeValueAsString(node);
    }

    private static boolean isIban(@Nullable String typed) {
        return typed != null && !typed.isBlank();
    }

    private static String upper(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** A rate: a positive decimal string, at most 10 decimals and 20 digits. */
    static BigDecimal rate(String field, @Nullable String typed) {
        if (typed == null || !typed.matches("\\d{1,10}(\\.\\d{1,10})?")) {
            throw InvalidInput.of(
                    field,
                    "a positive decimal string such as \"4.3147\": at most 10 digits before and 10 after the point");
        }
        BigDecimal rate = new BigDecimal(typed);
        if (rate.signum() <= 0) {
            throw InvalidInput.of(field, "must be greater than zero");
        }
        return rate;
    }

    static String reason(String field, @Nullable String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()
                || text.length() > 500
                || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw InvalidInput.of(field, "1 to 500 characters, no control characters");
        }
        return text;
    }

    /** How far {@code to} is from {@code from}, in basis points of {@code from} (rounded up). */
    static long basisPoints(BigDecimal from, BigDecimal to) {
        return to.subtract(from)
                .abs()
                .multiply(BigDecimal.valueOf(10_000))
                .divide(from, 0, RoundingMode.CEILING)
                .longValue();
    }
}
