/**
 * Telling the outside world what happened. The webhook endpoints integrators register (URL, event-type filter,
 * enabled flag, a signing secret encrypted at rest and rotated with an overlap), the Standard Webhooks signer, and
 * the egress guard that keeps webhook traffic away from private, loopback, link-local and cloud metadata
 * addresses. The delivery engine ({@code delivery}): one delivery per (event, channel, recipient) created from
 * {@code operations.StatusChanged} in the outbox relay's transaction, claimed by workers with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, sent, logged per attempt and retried on a schedule — for webhooks
 * and for the email, SMS and push messages the automatic notification rules ({@code rules}) plan, rendered once
 * at creation by the templates ({@code templates}) and sent through the senders ({@code channels}: SMTP email,
 * generic HTTP SMS and push gateways, and the consent check for clients). Manual rules create nothing by
 * themselves: the operation offers them ({@code GET /api/v1/operations/{id}/notifications/offers}, previewed in the
 * recipient's language) and an operator holding {@code <type>:notify} sends one, as rendered or edited, as a
 * delivery that records who sent it and whether it was edited. Publishes nothing for other modules to call yet;
 * reads the workflows in force, the {@code StatusChanged} event and the {@code Operations} facade of
 * {@code operations}, and the {@code clients} directory.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations", "clients"})
@NullMarked
package org.opsdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
