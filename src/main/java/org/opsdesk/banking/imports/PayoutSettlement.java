package org.opsdesk.banking.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payouts.PayoutConfirmations;
import org.opsdesk.banking.payouts.PayoutConfirmations.Movement;
import org.opsdesk.shared.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payouts side of an import's new entries: a debit naming a sent transfer confirms it (its order completes); a
 * credit carrying a sent or confirmed transfer's end-to-end id is the bank returning it (its order fails with the
 * reason code the bank gives, ISO's external return reasons). Runs after the entries are stored, before the credits
 * are matched to orders, and only on the entries that can be either: every debit, and credits whose end-to-end id is
 * one of ours (payment references and refunds start with {@code RF}). Returns go first: a statement that books a
 * transfer and its return fails the order. The entries are handed over statement by statement, so that their items
 * are looked up in one query per statement (per {@value #SLICE} entries), not per entry; entries that settled an
 * item already (an interrupted import resumed) are left out.
 */
@Component
class PayoutSettlement {

    /** ISO 20022 external return reason codes as banks quote them in a return's text. */
    private static final Pattern RETURN_REASON = Pattern.compile(
            "\\b(AC0[1-9]|AC1[0-9]|AG0[1-3]|AM0[1-9]|AM1[0-9]|BE0[1-9]|CNOR|DNOR|DT0[1-6]|ED0[1-5]|FF0[1-9]"
                    + "|MD0[1-7]|MS0[23]|NARR|RC0[1-9]|RR0[1-4]|SL0[1-2]|TM01)\\b");

    /** At most this many entries' items are looked up in one query. */
    static final int SLICE = 1_000;

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
            UUID statement,
            String direction,
            String amount,
            String currency,
            LocalDate booked,
            @Nullable String endToEndId,
            @Nullable String bankReference,
            String text) {}

    /** @return how many entries settled a payout */
    int settle(UUID importId) {
        var byStatement = new LinkedHashMap<UUID, List<Movement>>();
        for (Candidate entry : candidates(importId)) {
            byStatement
                    .computeIfAbsent(entry.statement(), s -> new ArrayList<>())
                    .add(movement(entry));
        }
        int settled = 0;
        for (Map.Entry<UUID, List<Movement>> statement : byStatement.entrySet()) {
            var movements = statement.getValue();
            for (int from = 0; from < movements.size(); from += SLICE) {
                settled += payouts.settle(movements.subList(from, Math.min(movements.size(), from + SLICE)));
            }
        }
        return settled;
    }

    private Movement movement(Candidate entry) {
        boolean returned = !"DEBIT".equals(entry.direction());
        return new Movement(
                entry.id(),
                returned,
                entry.endToEndId(),
                returned ? null : entry.bankReference(),
                currencies.parse("amount", entry.amount(), entry.currency()),
                entry.booked(),
                returned ? returnReason(entry.text()) : "");
    }

    /** Returns before debits within each statement; entries that settled an item before are left out. */
    private List<Candidate> candidates(UUID importId) {
        return jdbc.sql(
                        """
                        select e.id, e.statement_ref, e.direction, e.amount::text, e.currency, e.booking_date,
                               e.end_to_end_id, e.bank_reference, coalesce(e.remittance, '') || ' ' || e.raw as text
                          from banking.statement_entry e
                         where e.import_id = ? and (e.direction = 'DEBIT' or e.end_to_end_id like 'RF%')
                           and not exists (select 1 from banking.payout_item i where i.settled_entry_id = e.id)
                         order by e.statement_ref, e.direction = 'DEBIT', e.id""")
                .param(importId)
                .query((rs, row) -> new Candidate(
                        rs.getLong("id"),
                        rs.getObject("statement_ref", UUID.class),
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
