package org.opsdesk.banking.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payouts.PayoutConfirmations;
import org.opsdesk.shared.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payouts side of an import's new entries: a debit naming a sent transfer confirms it (its order completes); a
 * credit carrying a sent transfer's end-to-end id is the bank returning it (its order fails with the reason code
 * the bank gives, ISO's external return reasons). Runs after the entries are stored, before the credits are matched
 * to orders, and only on the entries that can be either: every debit, and credits whose end-to-end id is one of
 * ours (payment references and refunds start with {@code RF}). Returns go first: a statement that books a transfer
 * and its return fails the order rather than completing it (a completed order is final).
 */
@Component
class PayoutSettlement {

    /** ISO 20022 external return reason codes as banks quote them in a return's text. */
    private static final Pattern RETURN_REASON = Pattern.compile(
            "\\b(AC0[1-9]|AC1[0-9]|AG0[1-3]|AM0[1-9]|AM1[0-9]|BE0[1-9]|CNOR|DNOR|DT0[1-6]|ED0[1-5]|FF0[1-9]"
                    + "|MD0[1-7]|MS0[23]|NARR|RC0[1-9]|RR0[1-4]|SL0[1-2]|TM01)\\b");

    private final JdbcClient jdbc;
    private final PayoutConfirmations payouts;
    private final Currencies currencies;

    PayoutSettlement(JdbcClient jdbc, PayoutConfirmations payouts, Currencies currencies) {
        this.jdbc = jdbc;
        this.payouts = payouts;
        this.currencies = currencies;
    }

    private record Candidate(
            long id,
            String direction,
            String amount,
            String currency,
            LocalDate booked,
            @Nullable String endToEndId,
            @Nullable String bankReference,
            String text) {}

    /** @return how many entries settled a payout */
    int settle(UUID importId) {
        int settled = 0;
        for (Candidate entry : candidates(importId)) {
            Optional<PayoutConfirmations.Settled> outcome = "DEBIT".equals(entry.direction())
                    ? payouts.confirmByStatement(
                            entry.id(),
                            entry.endToEndId(),
                            entry.bankReference(),
                            currencies.parse("amount", entry.amount(), entry.currency()),
                            entry.booked())
                    : payouts.returnedByStatement(entry.id(), entry.endToEndId(), null, returnReason(entry.text()));
            settled += outcome.isPresent() ? 1 : 0;
        }
        return settled;
    }

    private List<Candidate> candidates(UUID importId) {
        return jdbc.sql(
                        """
                        select id, direction, amount::text, currency, booking_date, end_to_end_id, bank_reference,
                               coalesce(remittance, '') || ' ' || raw as text
                          from banking.statement_entry
                         where import_id = ? and (direction = 'DEBIT' or end_to_end_id like 'RF%')
                         order by direction = 'DEBIT', id""")
                .param(importId)
                .query((rs, row) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("direction"),
                        rs.getString("amount"),
                        rs.getString("currency"),
                        rs.getObject("booking_date", LocalDate.class),
                        rs.getString("end_to_end_id"),
                        rs.getString("bank_reference"),
                        rs.getString("text")))
                .list();
    }

    /** The return reason the bank quotes (AC04: account closed…), or {@code NARR} when it gives none we know. */
    static String returnReason(String text) {
        Matcher matcher = RETURN_REASON.matcher(text);
        return matcher.find() ? matcher.group(1) : "NARR";
    }
}
