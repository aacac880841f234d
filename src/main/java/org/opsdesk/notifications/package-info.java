/**
 * Telling the outside world what happened. The webhook endpoints integrators register (URL, event-type filter,
 * enabled flag, a signing secret encrypted at rest and rotated with an overlap), the Standard Webhooks signer, and
 * the egress guard that keeps webhook traffic away from private, loopback, link-local and cloud metadata
 * addresses. The notification rules ({@code rules}: which change notifies which audience on which channel with
 * which template, automatically or manually), the message templates and their renderer ({@code templates}), and
 * the senders ({@code channels}: SMTP email, generic HTTP SMS and push gateways, and the consent check for
 * clients). The delivery engine (outbox, deliveries, retries) builds on these; until it does nothing is sent on a
 * status change. Publishes nothing for other modules to call yet; reads the workflows in force, the
 * {@code StatusChanged} event of {@code operations}, and the {@code clients} directory.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations", "clients"})
@NullMarked
package org.opsdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
