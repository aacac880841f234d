/**
 * The rates widget the office embeds in its own website in an {@code iframe}: the rates of the pairs the desk works
 * with and an indicative calculator priced as the portal quotes, anonymous, framed only by the origins in {@code
 * opsdesk.exchange.widget.allowed-origins}, in a filter chain of its own (no session, no cookie, GET and HEAD only,
 * rate-limited per client address like the public rate files).
 */
@NullMarked
package org.opsdesk.exchange.widget;

import org.jspecify.annotations.NullMarked;
