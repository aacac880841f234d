/**
 * Telling the outside world what happened. The webhook endpoints integrators register (URL, event-type filter,
 * enabled flag, optional owner email, a signing secret encrypted at rest and rotated with an overlap), the Standard
 * Webhooks signer, and the egress guard that keeps webhook traffic away from private, loopback, link-local and
 * cloud metadata addresses. Organised by feature: {@code webhooks} (endpoints, their pages, the webhook message,
 * sender and channel, endpoint health), {@code channels} (the email, SMS and push senders and channels), {@code
 * manual} (offering and sending manual notifications, API and operation-page panel), and the delivery engine
 * ({@code delivery}) that every channel plugs into through one {@code MessageChannel} interface: one delivery per
 * (event, channel, recipient) created from {@code operations.StatusChanged} and {@code operations.AttributesChanged}
 * in the outbox relay's transaction,
 * claimed by workers with {@code FOR UPDATE SKIP LOCKED} and a lease, sent, logged per attempt and retried on a
 * schedule — for webhooks and for the email, SMS and push messages the automatic notification rules ({@code rules})
 * plan, rendered once
 * at creation by the templates ({@code templates}) and sent through the senders ({@code channels}: SMTP email,
 * generic HTTP SMS and push gateways, the consent check for clients, and the operator directory's address for an
 * operation's assignee, in the operator's language). Manual rules create nothing by themselves: the operation
 * offers them ({@code GET /api/v1/operations/{id}/notifications/offers}, previewed in the recipient's language)
 * and an operator holding {@code <type>:notify} sends one, as rendered or edited, as a delivery that records who
 * sent it and whether it was edited.
 *
 * <p>When the engine gives up it says so: a delivery that fails for good raises an email to the alert mailbox
 * ({@code opsdesk.notifications.alert-mailbox}, by default the supervisors' team mailbox), and an endpoint disabled
 * after failing continuously an email to its owner (or {@code opsdesk.notifications.integrations-mailbox}) — each a
 * delivery of its own ({@code alert}, {@code endpoint_owner}) created in the transaction that records the failure
 * or the disabling; an alert that fails raises none. Failures are counted in {@code
 * opsdesk.notifications.failed{channel}}.
 *
 * <p>Serves its parts of other modules' console pages as fragments those pages load (docs/architecture.md, "Pages
 * composed from fragments"): the manual notifications and what was sent, into the operation page; the rules each
 * stage sets off, into the workflow page.
 *
 * <p>Publishes {@link org.opsdesk.notifications.TransactionalMessages}: one email or SMS sent at once through the
 * same sender and gateway, for a person who asked for it (the portal's verification link and code); and {@link
 * org.opsdesk.notifications.ClientPushes}: a push message an operator wrote, queued for one client as a delivery of
 * the engine in the caller's transaction (the registry's {@code account.send-push}, ADR 0026). Reads the workflows in force, the {@code StatusChanged}
 * and {@code AttributesChanged} events and the {@code OperationQueries} facade of {@code operations}, the {@code clients} directory, and the operator
 * directory of {@code access} and its {@code SignInLocked} event, which {@code security} emails to the security
 * alert mailbox ({@code opsdesk.notifications.security-alerts}, by default the alert mailbox), once per account,
 * address and lock.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations", "clients", "access"})
@NullMarked
package org.opsdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
