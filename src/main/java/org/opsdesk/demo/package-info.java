/**
 * Demo data for a first look: on an empty database in demo mode, 30 operations of every type with 30 days of past
 * activity — created, claimed and moved by the demo operators, four-eyes moves approved by another, some still
 * pending at every age — replayed through the published APIs of {@code operations} and {@code workflow} while the
 * application's clock reads the past on the seeding threads only (ADR 0020), so every history is genuine and chained;
 * and the exchange desk of the demo (currencies, ECB-based rates, office accounts) through {@code exchange}'s
 * {@code ExchangeDesk}; and a portal client with her verification and orders, through {@code portal}'s
 * {@code PortalClients} and the desk; and the account registry's persons, companies and accounts with their users,
 * devices, Pix keys, sub-accounts, partners and a few past actions, through {@code actions}' {@code ActionCatalog}
 * (devices through {@code registry}'s {@code RegistryFeed}).
 */
@ApplicationModule(
        allowedDependencies = {"shared", "operations", "workflow", "exchange", "portal", "actions", "registry"})
@NullMarked
package org.opsdesk.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
