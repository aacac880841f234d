/**
 * The client-facing site under {@code /portal}: people and companies register with data the software checks
 * (PESEL, NIP, REGON, IBAN), prove their email address by a link and their phone by a code, and sign in with a
 * password (and, if they wish, an authenticator code). Portal clients are not operators: their own table and
 * password hashes ({@code portal} schema), their own Spring Security chain, session store and cookie, which never
 * opens the console or the API (nor the other way round). Completing registration records the client and their
 * consents in {@code clients} and opens a {@code kyc_verification} operation for compliance; the portal shows its
 * outcome. Organised by feature: {@code signin} (security chain, sessions, sign-in and its limits, authenticator
 * codes), {@code registration} (the forms and their checks), {@code verification} (email link, phone code, the KYC
 * hand-off), {@code site} (look, languages, home page) and {@code console} (the operators' pages of portal
 * clients).
 *
 * <p>Publishes {@link org.opsdesk.portal.PortalClients}, for the ordering pages that build on it: who is signed in,
 * their subject, language, payout accounts, KYC state, and whether they may order an amount; and {@link
 * org.opsdesk.portal.PortalLook}, the office's name, logo and stylesheets for pages outside the portal that wear its
 * look (the exchange's rates widget).
 */
@ApplicationModule(allowedDependencies = {"shared", "operations", "workflow", "clients", "access", "notifications"})
@NullMarked
package org.opsdesk.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
