package org.opsdesk.registry.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.InvalidInput;

/**
 * The filters of {@code GET /api/v1/accounts}, checked: {@code status}, {@code kind}, {@code holder} (a person's
 * or company's id), {@code planCode}, and {@code q} — an account number, with or without its check digit.
 */
record AccountFilter(
        @Nullable String status,
        @Nullable String kind,
        @Nullable UUID holder,
        @Nullable String planCode,
        @Nullable String number) {

    private static final Set<String> STATUSES = Set.of(Account.ACTIVE, Account.SUSPENDED, Account.CANCELLED);
    private static final Set<String> KINDS = Set.of("personal", "business");

    static AccountFilter of(
            @Nullable String status,
            @Nullable String kind,
            @Nullable String holder,
            @Nullable String planCode,
            @Nullable String q) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInput.of("status", "must be one of active, suspended, cancelled");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw InvalidInput.of("kind", "must be one of personal, business");
        }
        UUID holderId = holder == null ? null : Texts.id("holder", holder);
        String plan = Texts.optional("planCode", planCode, 60);
        String number = null;
        if (q != null && !q.isBlank()) {
            number = q.strip().toLowerCase(Locale.ROOT);
            if (!number.matches("\\d{8}(-?\\d)?")) {
                throw InvalidInput.of("q", "must be an account number: eight digits, optionally its check digit");
            }
        }
        return new AccountFilter(status, kind, holderId, plan, number);
    }

    void where(StringBuilder sql, List<Object> params) {
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            params.add(kind);
        }
        if (holder != null) {
            sql.append(" and holder_id = ?");
            params.add(holder);
        }
        if (planCode != null) {
            sql.append(" and plan_code = ?");
            params.add(planCode);
        }
        if (number != null) {
            // eight digits name one account: its check digit follows from them, and the unique index serves '='
            sql.append(" and number = ?");
            params.add(
                    number.length() == 8
                            ? AccountNumbers.withCheckDigit(number)
                            : number.substring(0, 8) + "-" + number.charAt(number.length() - 1));
        }
    }
}
