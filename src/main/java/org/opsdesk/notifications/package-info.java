/**
 * Telling the outside world what happened. For now: the webhook endpoints integrators register (URL, event-type
 * filter, enabled flag, a signing secret encrypted at rest and rotated with an overlap), the Standard Webhooks
 * signer, and the egress guard that keeps webhook traffic away from private, loopback, link-local and cloud
 * metadata addresses, at registration and again at connect time. The delivery engine (outbox, deliveries,
 * retries) builds on these next. Publishes nothing for other modules to call yet; depends only on {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations", "clients"})
@NullMarked
package org.opsdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
