/**
 * The account registry (issue 14): persons, companies, accounts with their limits, sub-accounts, partners, users
 * and trusted devices, Pix keys, documents and the balances last read from the provider — the records the
 * back-office actions act on. Every record is soft-deleted and restorable; every change goes through a declared
 * action (a handler here implements {@link org.opsdesk.actions.ActionHandler}), so that it is an operation with
 * its history. The module serves the records' reads ({@code GET /api/v1/persons}, {@code /companies}, {@code
 * /accounts} …), serves them to the catalog as {@link org.opsdesk.actions.ActionTargets}, and publishes only
 * {@link org.opsdesk.registry.RegistryPermissions} and {@link org.opsdesk.registry.RegistryFeed} (devices from the
 * institution's app; the demo uses it). Uses {@code notifications}' {@link org.opsdesk.notifications.ClientPushes}
 * for {@code account.send-push}: one queued push per account user linked to the client directory (ADR 0026).
 */
@ApplicationModule(allowedDependencies = {"actions", "notifications", "shared"})
@NullMarked
package org.opsdesk.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
