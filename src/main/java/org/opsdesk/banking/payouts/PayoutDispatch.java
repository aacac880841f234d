package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.exchange.PayoutOrders;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch's transfer file. The first download of a released batch sends it — in one transaction the batch moves to
 * {@code sent}, its items to SENT and its orders to {@code payout_sent}, with when and by whom — and every download
 * after writes the same bytes (the file's creation time and execution date are the sending's) and moves nothing. A
 * batch the bank could not take (an IBAN with a typo, a name outside the SEPA set) is refused with every item named
 * (422) and nothing moves.
 */
@Service
class PayoutDispatch {

    private static final Actor PAYOUTS = Actor.system("payouts");

    private final PayoutBatchStore store;
    private final PayoutItemStore items;
    private final PayoutBatches batches;
    private final PayoutOrders orders;
    private final OfficeAccounts accounts;
    private final OperationCommands commands;
    private final Currencies currencies;
    private final PayoutSettings settings;
    private final Clock clock;

    PayoutDispatch(
            PayoutBatchStore store,
            PayoutItemStore items,
            PayoutBatches batches,
            PayoutOrders orders,
            OfficeAccounts accounts,
            OperationCommands commands,
            Currencies currencies,
            PayoutSettings settings,
            Clock clock) {
        this.store = store;
        this.items = items;
        this.batches = batches;
        this.orders = orders;
        this.accounts = accounts;
        this.commands = commands;
        this.currencies = currencies;
        this.settings = settings;
        this.clock = clock;
    }

    /** The file in {@code format}; sends the batch if it is released and not sent yet. */
    @Transactional
    public byte[] download(UUID id, PayoutFileFormat format, Actor actor) {
        PayoutBatches.requirePayouts(actor);
        var row = store.lock(id).orElseThrow(() -> new NotFound("payout batch", id.toString()));
        var batch = batches.get(id, actor);
        if (row.sentAt() != null) {
            return write(batch.row(), format, row.sentAt(), row.executionDate());
        }
        if (!PayoutBatches.RELEASED.equals(batch.operation().stage())) {
            throw new PayoutConflict(
                    "batch-not-released",
                    "payout batch " + row.messageId() + " is "
                            + batch.operation().stage() + ": only a released batch is sent");
        }
        var now = clock.instant();
        LocalDate executionDate = LocalDate.ofInstant(now, ZoneOffset.UTC);
        byte[] file = write(row, format, now, executionDate);
        store.markSent(id, now, executionDate, actor);
        items.markSent(id);
        commands.transition(
                id, "sent", "file downloaded (" + format.parameter() + ") by " + actor.name(), null, null, PAYOUTS);
        batch.items().stream()
                .filter(item -> item.state() == PayoutItem.State.IN_BATCH && item.orderId() != null)
                .forEach(item -> orders.markSent(item.orderId(), row.messageId(), actor));
        return file;
    }

    private byte[] write(PayoutBatchRow row, PayoutFileFormat format, java.time.Instant at, LocalDate date) {
        var account = accounts.byId(row.bankAccountId()).orElseThrow();
        String office = settings.debtorName().orElseGet(orders::officeName);
        return BatchFile.write(
                row,
                items.items(row.id()),
                account,
                office,
                currencies.find(row.currency()).orElseThrow(),
                at,
                date,
                format);
    }
}
