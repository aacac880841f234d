package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds decided in the payments queue, waiting for the next payout batch of the office account the money came
 * into. The queue records its decision (who, why) with the entry; this keeps what the batch needs to pay it back.
 */
@Service
public class RefundInstructions {

    private final JdbcClient jdbc;
    private final Clock clock;

    RefundInstructions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The payee of a refund: an IBAN, or a domestic account number (then with the bank's BIC where known). */
    public record Payee(String name, @Nullable String iban, @Nullable String accountNumber, @Nullable String bic) {
        public Payee {
            if ((iban == null) == (accountNumber == null)) {
                throw new IllegalArgumentException("a payee has an IBAN or an account number");
            }
        }
    }

    /**
     * Instructs the refund of a statement entry to its payer, in the caller's transaction.
     *
     * @return the instruction's id
     * @throws IllegalStateException when the entry has a refund instruction already
     */
    @Transactional
    public UUID instruct(long entryId, UUID bankAccountId, Money amount, Payee payee, String reason, Actor actor) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql(
                        """
                        insert into banking.refund_instruction (id, entry_id, bank_account_id, amount, currency,
                            payee_name, payee_iban, payee_account, payee_bic, reason,
                            created_by_kind, created_by_id, created_by_name, created_at)
                        values (:id, :entry, :account, :amount, :currency, :name, :iban, :number, :bic, :reason,
                            :kind, :actorId, :actorName, :at)
                        on conflict (entry_id) do nothing""")
                .param("id", id)
                .param("entry", entryId)
                .param("account", bankAccountId)
                .param("amount", amount.amount())
                .param("currency", amount.currency().code())
                .param("name", payee.name())
                .param("iban", payee.iban())
                .param("number", payee.accountNumber())
                .param("bic", payee.bic())
                .param("reason", reason)
                .param("kind", actor.kind().code())
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new IllegalStateException("entry " + entryId + " has a refund instruction already");
        }
        return id;
    }
}
