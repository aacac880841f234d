package org.opsdesk.exchange.accounts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/** What the office uses a bank account for: receiving clients' payments, sending payouts, or both. */
public enum Purpose {
    INCOMING,
    PAYOUT,
    BOTH;

    /** The word the API and the database use: {@code incoming}, {@code payout}, {@code both}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an account of this purpose may receive clients' payments. */
    public boolean receives() {
        return this != PAYOUT;
    }

    /** Whether an account of this purpose may send payouts. */
    public boolean pays() {
        return this != INCOMING;
    }

    static Purpose of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads the purpose as given.
     *
     * @throws InvalidInput naming {@code field} when it is missing or not one of the three words
     */
    static Purpose parse(String field, @Nullable String typed) {
        if (typed != null) {
            for (Purpose purpose : values()) {
                if (purpose.code().equals(typed.strip())) {
                    return purpose;
                }
            }
        }
        throw InvalidInput.of(field, FieldReason.PURPOSE.english());
    }
}
