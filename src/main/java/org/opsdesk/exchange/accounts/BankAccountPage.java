package org.opsdesk.exchange.accounts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A keyset page of bank accounts, as the API answers it; {@code nextCursor} is null on the last page. */
record BankAccountPage(List<BankAccountResponse> items, @Nullable String nextCursor) {}
