/**
 * Telling the outside world what happened. For now: the webhook endpoints integrators register (URL, event-type
 * filter, enabled flag, a signing secret encrypted at rest and rotated with an overlap), the Standard Webhooks
 * signer, and the egress guard that keeps webhook traffic away from private, loopback, link-local and cloud
 * metadata addresses, at registration and again at connect time; and the delivery engine: one delivery per
 * (event, channel, recipient) created from {@code operations.StatusChanged} in the outbox relay's transaction,
 * claimed by workers with {@code FOR UPDATE SKIP LOCKED} and a lease, sent, logged per attempt and retried on a
 * schedule. Publishes nothing for other modules to call yet; depends on {@code shared}, and on {@code operations}
 * and {@code workflow} for the event it turns into messages.
 */
@ApplicationModule(allowedDependencies = {"shared", "operations", "workflow"})
@NullMarked
package org.opsdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
