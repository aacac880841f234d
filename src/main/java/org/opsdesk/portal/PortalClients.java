package org.opsdesk.portal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.account.PortalSettings;
import org.opsdesk.portal.registration.VerifiedEnrolment;
import org.opsdesk.portal.signin.SignedInClient;
import org.opsdesk.portal.verification.KycHandOff;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ordering pages of the portal ask about clients: who is signed in on this request, a client by subject
 * (with language, payout accounts and KYC state), and whether they may order an amount. A client may order once
 * their identity verification succeeded; before that, with email and phone verified and the verification pending,
 * only up to {@code opsdesk.portal.orders-before-kyc-up-to} (an amount in {@code
 * opsdesk.portal.orders-before-kyc-currency}; 0 by default, so nothing). And, for a trusted process of the
 * application (the demo's first start), enrolling a person whose contacts it vouches for.
 */
@Service
public class PortalClients {

    private final AccountStore accounts;
    private final KycHandOff kyc;
    private final Currencies currencies;
    private final PortalSettings settings;
    private final VerifiedEnrolment enrolment;

    PortalClients(
            AccountStore accounts,
            KycHandOff kyc,
            Currencies currencies,
            PortalSettings settings,
            VerifiedEnrolment enrolment) {
        this.accounts = accounts;
        this.kyc = kyc;
        this.currencies = currencies;
        this.settings = settings;
        this.enrolment = enrolment;
    }

    /** Whether a client registered with this email address (in any case). */
    @Transactional(readOnly = true)
    public boolean registered(String email) {
        return accounts.emailTaken(email);
    }

    /**
     * Enrols a person as registering and verifying through the portal's pages would, without the email link and
     * the texted code: their data checked as the registration form checks it, the client stored with both contacts
     * verified, the consents they gave recorded in the client directory and a {@code kyc_verification} operation
     * opened for compliance (in {@code manual_review}). For trusted processes of the application only — the
     * demo's first start; nothing a request sends reaches it. Dated by the application's clock.
     *
     * @return the client; empty when the email address is registered already (nothing is stored then)
     * @throws IllegalArgumentException naming the fields that fail the registration checks
     */
    @Transactional
    public Optional<PortalClient> enrolVerified(VerifiedPerson person) {
        return enrolment.enrol(person).map(this::client);
    }

    /**
     * The client signed in to the portal on the current request, as read when the request began; empty outside the
     * portal or when signed out.
     */
    public Optional<PortalClient> signedIn() {
        return SignedInClient.loaded();
    }

    /** The client with this id, read whole in one transaction (the portal's session resolution uses it). */
    @Transactional(readOnly = true)
    public Optional<PortalClient> load(UUID id) {
        return accounts.find(id).map(this::client);
    }

    /** The portal client with this subject ({@code portal-<uuid>}), if one registered. */
    @Transactional(readOnly = true)
    public Optional<PortalClient> bySubject(String subject) {
        return accounts.bySubject(subject).map(this::client);
    }

    /**
     * The clients who registered these IBANs (electronic form) as their own accounts, having proven their email and
     * phone: by IBAN, the subjects ({@code portal-<uuid>}) of their holders. For the bank side, which recognises a
     * client's payment by the account it comes from.
     */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> holdersOf(Collection<String> ibans) {
        var holders = new HashMap<String, Set<String>>();
        for (String[] row : accounts.holdersOf(ibans)) {
            holders.computeIfAbsent(row[1], iban -> new HashSet<>()).add(row[0]);
        }
        return holders;
    }

    /**
     * Whether the client may order this amount now: always once KYC is approved; never when it was rejected or
     * their contacts are not verified; in between, up to the configured amount in the configured currency.
     */
    public boolean mayOrder(PortalClient client, Money amount) {
        return switch (client.kyc()) {
            case APPROVED -> true;
            case REJECTED, NOT_STARTED -> false;
            case PENDING ->
                client.contactsVerified()
                        && amount.currency().code().equals(settings.ordersBeforeKycCurrency())
                        && amount.amount().compareTo(settings.ordersBeforeKycUpTo()) <= 0
                        && settings.ordersBeforeKycUpTo().signum() > 0;
        };
    }

    private PortalClient client(Account account) {
        return new PortalClient(
                account.id(),
                account.subject(),
                account.displayName(),
                Locale.forLanguageTag(account.locale()),
                account.contactsVerified(),
                kyc.state(account),
                account.kycOperationId(),
                accounts.payoutAccounts(account.id(), this::currency));
    }

    private CurrencyCode currency(String code) {
        return currencies
                .find(code)
                .orElseThrow(() -> new IllegalStateException("payout account in unknown currency " + code));
    }
}
