package org.opsdesk.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.DeskTerms;
import org.opsdesk.exchange.orders.PayoutOrderStore;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.Permissions;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange orders as the bank side pays them out (issue 13, ADR 0030): the orders waiting for payout from one office
 * account with what a transfer needs, and the payout's moves — sent (its batch's file went to the bank), completed
 * (the bank confirmed it, by a statement entry or a cashier's word) and failed (the bank returned it). The stages and
 * history stay in {@code operations}: this asks its published API which orders wait and moves them through it.
 */
@Service
public class PayoutOrders {

    static final String TYPE = "exchange_order";
    private static final String WAITING = "payout_pending";
    private static final int PAGE = 500;
    private static final String COMPLETED = "completed";
    private static final String FAILED = "payout_failed";
    private static final Actor PAYOUTS = Actor.system("payouts");

    private final OperationQueries queries;
    private final OperationCommands commands;
    private final PayoutOrderStore store;
    private final DeskTerms desk;
    private final Currencies currencies;
    private final Workflows workflows;

    PayoutOrders(
            OperationQueries queries,
            OperationCommands commands,
            PayoutOrderStore store,
            DeskTerms desk,
            Currencies currencies,
            Workflows workflows) {
        this.workflows = workflows;
        this.queries = queries;
        this.commands = commands;
        this.store = store;
        this.desk = desk;
        this.currencies = currencies;
    }

    /**
     * One order waiting for payout.
     *
     * @param paymentReference the order's ISO 11649 reference in electronic form (what the client paid in with)
     * @param receive what the client receives, in the payout account's currency
     * @param iban the payee's IBAN, or null with {@code accountNumber}
     * @param bic the payee's bank where the office knows it (a same-bank payout: the office account's bank)
     * @param paired whether the payee's bank is the office account's (such transfers go first)
     */
    public record WaitingOrder(
            UUID orderId,
            String paymentReference,
            Money receive,
            String payeeName,
            @Nullable String iban,
            @Nullable String accountNumber,
            @Nullable String bic,
            boolean paired) {}

    /** The orders in stage {@code payout_pending} paid out from {@code accountId}: same-bank first, oldest first. */
    @Transactional(readOnly = true)
    public List<WaitingOrder> waitingFrom(UUID accountId) {
        var waiting = new ArrayList<WaitingOrder>();
        String cursor = null;
        do {
            var page = queries.list(waitingFilter(), cursor, PAGE, PAYOUTS);
            var ids = page.items().stream().map(OperationSnapshot::id).toList();
            store.paidOutFrom(accountId, ids).stream().map(this::waiting).forEach(waiting::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        waiting.sort(java.util.Comparator.comparing((WaitingOrder w) -> !w.paired()));
        return waiting;
    }

    /** The office as a payer (the debtor of its transfer files): the name clients are told to pay to. */
    public String officeName() {
        return desk.beneficiaryName();
    }

    /** The order's transfer went to the bank in the batch {@code batchReference}, whose file {@code by} took. */
    @Transactional
    public void markSent(UUID orderId, String batchReference, Actor by) {
        commands.transition(
                orderId,
                "payout_sent",
                "sent in payout batch " + batchReference + " by " + by.name(),
                null,
                null,
                PAYOUTS);
    }

    /** The bank's statement shows the transfer: the order is completed (and its client told, by the rules). */
    @Transactional
    public void completedByStatement(UUID orderId, long entryId, LocalDate booked) {
        commands.transition(
                orderId,
                COMPLETED,
                "payout confirmed by statement entry " + entryId + " booked " + booked,
                null,
                null,
                PAYOUTS);
    }

    /**
     * A cashier confirms the transfer by hand, with a reason: recorded as that person. The move needs what the
     * workflow asks of a person ({@code exchange_order:transition:completed}, which cashiers hold).
     */
    @Transactional
    public void completedByHand(UUID orderId, String reason, Actor person) {
        commands.transition(orderId, "completed", reason, null, null, acting(person));
    }

    /**
     * The bank returned the transfer, with its reason code (ISO 20022 {@code ExternalReturnReason1Code}): the order
     * fails, also when a statement (or a cashier) had completed it already — banks return transfers days after
     * booking them (ADR 0033).
     */
    @Transactional
    public void returned(UUID orderId, String reasonCode, @Nullable Long entryId) {
        String evidence = entryId == null ? "" : " (statement entry " + entryId + ")";
        String after = COMPLETED.equals(stageOf(orderId)) ? " after its completion" : "";
        commands.transition(
                orderId,
                FAILED,
                "payout returned by the bank" + after + ": " + reasonCode + evidence,
                null,
                null,
                PAYOUTS);
    }

    /**
     * Whether a return can still fail the order: its workflow version has the move from its stage to {@code
     * payout_failed} (orders created before ADR 0033 end in a final {@code completed}).
     */
    @Transactional(readOnly = true)
    public boolean returnable(UUID orderId) {
        OperationSnapshot order = queries.get(orderId, PAYOUTS);
        return workflows
                .version(order.type(), order.workflowVersion())
                .transition(order.stage(), FAILED)
                .isPresent();
    }

    /** The order's stage now, for a batch's page. */
    @Transactional(readOnly = true)
    public String stageOf(UUID orderId) {
        return queries.get(orderId, PAYOUTS).stage();
    }

    private WaitingOrder waiting(PayoutOrderStore.Row row) {
        var currency = currencies
                .find(row.receiveCurrency())
                .orElseThrow(() -> new IllegalStateException("order in an unknown currency " + row.receiveCurrency()));
        return new WaitingOrder(
                row.orderId(),
                row.paymentReference(),
                new Money(row.receiveAmount(), currency),
                row.payeeName(),
                row.iban(),
                row.accountNumber(),
                row.bic(),
                row.paired());
    }

    private static OperationFilter waitingFilter() {
        return new OperationFilter(
                List.of(TYPE),
                List.of(),
                List.of(WAITING),
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                OperationFilter.Sort.CREATED_ASC);
    }

    /** The bank side vouches for the person it checked: recorded as themselves, with the order's view. */
    private static Actor acting(Actor person) {
        return new Actor(
                person.kind(),
                person.id(),
                person.name(),
                Permissions.of(OperationPermissions.view(TYPE), "exchange_order:transition:completed"),
                person.person());
    }
}
