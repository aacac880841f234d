/**
 * The portal's ordering pages, built on the portal's {@code PortalClients}: the signed-in client quotes a pair,
 * accepts the quote into an order, sees its transfer details with a countdown and (for euros) an EPC QR code, lists
 * their orders with the history a client may see, and cancels one still awaiting payment. Every page acts for the
 * signed-in client only: another client's quote or order answers 404.
 */
@NullMarked
package org.opsdesk.exchange.portal;

import org.jspecify.annotations.NullMarked;
