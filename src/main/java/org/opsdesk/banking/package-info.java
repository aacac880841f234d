/**
 * The office's bank side (issue 13, ADR 0028): bank statements read from the files banks send (MT940, camt.053,
 * camt.054, CSV through saved mappings — SWIFT and ISO 20022 read with Prowide), imported once, matched to exchange
 * orders with their evidence, balances per office account, and payout files written (pain.001) for the orders
 * waiting for payout. It publishes {@link org.opsdesk.banking.BankingPermissions}; it reads the office's accounts and
 * moves exchange orders through the exchange module's facades. Being built: reading statement files
 * ({@code banking.formats}), writing payout files ({@code banking.payfiles}) and payout batches ({@code
 * banking.payouts}, ADR 0030: {@code payout_batch} operations, the files' download, confirmation by statement through
 * {@code PayoutConfirmations} or by hand) are done; import and matching are under way.
 */
@ApplicationModule(allowedDependencies = {"shared", "exchange", "operations", "workflow"})
@NullMarked
package org.opsdesk.banking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
