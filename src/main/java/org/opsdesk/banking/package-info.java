/**
 * The office's bank side (issue 13, ADR 0028): bank statements read from the files banks send (MT940, camt.053,
 * camt.054, CSV through saved mappings — SWIFT and ISO 20022 read with Prowide), imported once, matched to exchange
 * orders with their evidence, balances per office account, and payout files written (pain.001) for the orders
 * waiting for payout. It publishes {@link org.opsdesk.banking.BankingPermissions}; it reads the office's accounts and
 * moves exchange orders through the exchange module's facades. Its packages: {@code banking.formats} (reading
 * statement files, ADR 0028), {@code banking.imports} (storing them once, balances, settling payouts by statement),
 * {@code banking.matching} (credits matched to orders, the payments queue, ADR 0031), {@code banking.payfiles}
 * (pain.001 and CSV payout files, ADR 0029) and {@code banking.payouts} (payout batches as {@code payout_batch}
 * operations, ADR 0030).
 */
@ApplicationModule(allowedDependencies = {"shared", "exchange", "operations", "workflow"})
@NullMarked
package org.opsdesk.banking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
