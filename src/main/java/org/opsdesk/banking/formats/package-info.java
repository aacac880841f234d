/**
 * Reads the statement files banks send — MT940 (through Prowide's MT model), camt.053 and camt.054 v02/v04/v08
 * (through Prowide's MX model) and bank CSV through a saved {@link org.opsdesk.banking.formats.CsvMapping} — into
 * one neutral model ({@link org.opsdesk.banking.formats.ParsedStatement}, {@link
 * org.opsdesk.banking.formats.ParsedEntry}). {@link org.opsdesk.banking.formats.StatementFiles} is the one entry
 * point: the format comes from the content, hostile or broken files are refused fast with a {@link
 * org.opsdesk.banking.formats.StatementFileRefused}, and every statement carrying both balances must reconcile.
 * Internal to the banking module (ADR 0028): its sibling packages use it, no other module does.
 */
@NullMarked
package org.opsdesk.banking.formats;

import org.jspecify.annotations.NullMarked;
