package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.OfficeAccount;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.exchange.PayoutOrders;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payout batches (issue 13, ADR 0030): made per office payout account from every order waiting for payout from it
 * and the account's open refunds, read, listed and released — the release through operations' moves, so that a
 * total above the configured threshold waits for a second person in the approvals queue ({@link
 * PayoutReleaseRule}). Sending (the file) and settling items are {@link PayoutDispatch} and {@link PayoutItems}.
 */
@Service
public class PayoutBatches {

    static final String TYPE = "payout_batch";
    static final String RELEASED = "released";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final PayoutBatchStore store;
    private final PayoutItemStore itemStore;
    private final PayoutOrders orders;
    private final OfficeAccounts accounts;
    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Approvals approvals;
    private final Currencies currencies;
    private final Clock clock;

    PayoutBatches(
            PayoutBatchStore store,
            PayoutItemStore itemStore,
            PayoutOrders orders,
            OfficeAccounts accounts,
            OperationCommands commands,
            OperationQueries queries,
            Approvals approvals,
            Currencies currencies,
            Clock clock) {
        this.store = store;
        this.itemStore = itemStore;
        this.orders = orders;
        this.accounts = accounts;
        this.commands = commands;
        this.queries = queries;
        this.approvals = approvals;
        this.currencies = currencies;
        this.clock = clock;
    }

    /**
     * Makes the batch of every order waiting for payout from the account (same-bank first) and its open refunds.
     *
     * @throws InvalidInput on {@code bankAccountId} when it names no office account that pays out
     * @throws PayoutConflict when nothing waits for payout from it
     */
    @Transactional
    public PayoutBatch generate(@Nullable String bankAccountId, Actor actor) {
        requirePayouts(actor);
        OfficeAccount account = payoutAccount(bankAccountId);
        store.lockAccount(account.id());
        var waiting = orders.waitingFrom(account.id());
        var taken = itemStore.ordersInOpenBatches(
                waiting.stream().map(PayoutOrders.WaitingOrder::orderId).toList());
        var free = waiting.stream().filter(o -> !taken.contains(o.orderId())).toList();
        var refunds = itemStore.openRefunds(account.id());
        if (free.isEmpty() && refunds.isEmpty()) {
            throw new PayoutConflict(
                    "nothing-to-pay-out", "no order or refund waits for payout from account " + account.id());
        }
        String messageId = "PB-" + DAY.format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) + "-"
                + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase(java.util.Locale.ROOT);
        var row = new PayoutBatchRow(
                UUID.randomUUID(),
                account.id(),
                account.currency(),
                messageId,
                actor.name(),
                clock.instant(),
                null,
                null,
                null);
        var items = BatchContents.of(row.id(), free, refunds);
        commands.createMoved(
                row.id(),
                new NewOperation(
                        TYPE, messageId, "bank-account:" + account.id(), total(row, items), attributes(row, items)),
                List.of(),
                acting(actor));
        store.insert(row, actor);
        items.forEach(itemStore::insert);
        return get(row.id(), actor);
    }

    @Transactional(readOnly = true)
    public PayoutBatch get(UUID id, Actor actor) {
        var row = store.find(id).orElseThrow(() -> new NotFound("payout batch", id.toString()));
        var vouched = acting(actor);
        var pending = approvals.pendingOn(id, vouched);
        return new PayoutBatch(
                row, queries.get(id, vouched), itemStore.items(id), pending.isEmpty() ? null : pending.get(0));
    }

    /** Newest first, in keyset pages; {@code limit + 1} rows tell whether another page follows. */
    @Transactional(readOnly = true)
    public List<PayoutBatch> list(@Nullable UUID accountId, @Nullable String cursor, int limit, Actor actor) {
        return store.list(accountId, Keyset.timeAndId(cursor), limit).stream()
                .map(row -> get(row.id(), actor))
                .toList();
    }

    /** Releases the batch for sending, or opens the approval request its total needs. */
    @Transactional
    public PayoutBatch release(UUID id, @Nullable String comment, Actor actor) {
        requirePayouts(actor);
        get(id, actor);
        commands.transition(id, RELEASED, null, comment, null, acting(actor));
        return get(id, actor);
    }

    /** Sets the batch's total (its operation's amount: what four-eyes and the lists read) to its open items'. */
    void updateTotal(PayoutBatchRow row, List<PayoutItem> items, String reason, Actor actor) {
        commands.editAttributes(
                row.id(), current -> attributes(row, items), total(row, items), reason, null, null, acting(actor));
    }

    private Money total(PayoutBatchRow row, List<PayoutItem> items) {
        var sum = items.stream()
                .filter(item -> item.state() != PayoutItem.State.REMOVED)
                .map(PayoutItem::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return new Money(sum, currencies.find(row.currency()).orElseThrow());
    }

    private static String attributes(PayoutBatchRow row, List<PayoutItem> items) {
        long transfers = items.stream()
                .filter(i -> i.state() != PayoutItem.State.REMOVED)
                .count();
        return "{\"bankAccountId\":\"" + row.bankAccountId() + "\",\"transfers\":" + transfers + "}";
    }

    private OfficeAccount payoutAccount(@Nullable String typed) {
        UUID id;
        try {
            id = UUID.fromString(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("bankAccountId", "the id of one of the office's bank accounts");
        }
        var account = accounts.byId(id)
                .orElseThrow(() -> InvalidInput.of("bankAccountId", "no office bank account has this id"));
        if (!account.active() || !account.paysOut()) {
            throw InvalidInput.of("bankAccountId", "the account is disabled or does not pay out");
        }
        return account;
    }

    static void requirePayouts(Actor actor) {
        if (!actor.may(BankingPermissions.PAYOUTS)) {
            throw new PermissionDenied(BankingPermissions.PAYOUTS);
        }
    }

    /**
     * The bank side vouches for the person it checked, who stays the one recorded: the batch's operation is its own
     * to read and write (its moves ask {@code exchange:payouts}, {@link PayoutReleaseRule}).
     */
    static Actor acting(Actor actor) {
        return new Actor(
                actor.kind(),
                actor.id(),
                actor.name(),
                Permissions.of(
                        OperationPermissions.view(TYPE),
                        OperationPermissions.create(TYPE),
                        OperationPermissions.update(TYPE),
                        BankingPermissions.PAYOUTS),
                actor.person());
    }
}
