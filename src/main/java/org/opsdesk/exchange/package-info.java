/**
 * The exchange desk: the currencies the office works with (from the ISO 4217 dictionary and the configured crypto
 * assets) and their limits, currency pairs with buy/sell rates and their insert-only history (entered by hand or
 * imported from the ECB reference rates), public rate files, the office's bank accounts with their pairing by bank,
 * and the exchange details of orders. Orders are {@code exchange_order} operations: their status and history stay
 * in {@code operations}; this module keeps only its own details keyed by the operation id.
 */
@ApplicationModule(allowedDependencies = {"shared", "operations", "workflow", "clients", "portal"})
@NullMarked
package org.opsdesk.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
