/**
 * Payout transfer files (issue 13, ADR 0029): a neutral {@link org.opsdesk.banking.payfiles.PayoutBatch} (the office
 * as debtor, one item per order), checked once by {@link org.opsdesk.banking.payfiles.PayoutBatchCheck} into a
 * {@link org.opsdesk.banking.payfiles.CheckedPayoutBatch} (typed field errors, text brought to the SEPA character
 * set), and written by {@link org.opsdesk.banking.payfiles.PayoutFiles} as {@code pain.001.001.03}, {@code
 * pain.001.001.09} (both built on Prowide's MX model) or CSV. Pure code: no database, no Spring beans; batches,
 * four-eyes and confirmation build on it.
 */
@NullMarked
package org.opsdesk.banking.payfiles;

import org.jspecify.annotations.NullMarked;
