package org.opsdesk.exchange.accounts;

import org.jspecify.annotations.Nullable;

/**
 * What may change on an account once it exists: its bank's name, its purpose, and whether it is its currency's
 * default for incoming payments and for payouts. The number and the currency never change: a different account is
 * added instead, and the old one disabled.
 */
record AccountEdit(
        @Nullable String bankName, @Nullable String purpose, boolean defaultIncoming, boolean defaultPayout) {}
