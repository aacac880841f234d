/**
 * The provider connector and its outcome resolver (issue 14, ADR 0025): implements the action catalog's {@link
 * org.opsdesk.actions.ProviderGateway} over HTTP + JSON to the payment institution configured by {@code
 * opsdesk.provider.*} (credentials in a header, requests signed as Standard Webhooks, the operation id as {@code
 * Idempotency-Key} on every try, retries only on network errors and {@code 5xx}); keeps every outcome not known
 * yet in its {@code provider} schema and polls for it on a schedule (claims with a lease, any node), takes the
 * provider's signed callbacks, and lets operators check now or settle by hand under four-eyes. Each outcome that
 * becomes known is published as the catalog's {@link org.opsdesk.actions.ProviderOutcome} inside the transaction
 * that records it. Publishes {@link org.opsdesk.provider.ProviderPermissions}; nothing depends on this module.
 */
@ApplicationModule(allowedDependencies = {"actions", "shared", "operations"})
@NullMarked
package org.opsdesk.provider;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
