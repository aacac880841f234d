/**
 * The client directory: who operations concern, keyed by the same {@code subject} operations carry — their name,
 * email, phone (and whether it is verified), preferred locale, push token, and their consent per channel with an
 * append-only history of every consent given or withdrawn. Integrators keep it in sync through
 * {@code PUT /api/v1/clients/{subject}}. Publishes the {@link org.opsdesk.clients.Clients} facade, which answers
 * other modules (notifications first, later the exchange portal and the account actions) with a subject's
 * {@link org.opsdesk.clients.ClientContact} and whether a {@link org.opsdesk.clients.Channel} may be used.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.opsdesk.clients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
