package org.opsdesk.portal.verification;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.Clients;
import org.opsdesk.clients.Consent;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.portal.KycState;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.workflow.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a client whose email and phone are both verified to compliance: records them and the consents they gave
 * in the client directory, and opens a {@code kyc_verification} operation for their subject carrying the
 * registration data (never the password), moved to {@code manual_review} at once since no verification provider
 * checks portal registrations first. Runs in the transaction of the verification that completed the pair, so the
 * client is verified and handed over together or not at all.
 */
@Service
public class KycHandOff {

    static final String TYPE = "kyc_verification";
    static final String REVIEW = "manual_review";
    static final String CONSENT_SOURCE = "portal-registration";

    /** The portal acts as an internal process of its own: it creates and hands over what clients send. */
    static final Actor PORTAL = Actor.system("portal");

    private final AccountStore accounts;
    private final AccountEvents events;
    private final Clients clients;
    private final OperationCommands commands;
    private final OperationQueries queries;
    private final JsonMapper json;

    KycHandOff(
            AccountStore accounts,
            AccountEvents events,
            Clients clients,
            OperationCommands commands,
            OperationQueries queries,
            JsonMapper json) {
        this.accounts = accounts;
        this.events = events;
        this.clients = clients;
        this.commands = commands;
        this.queries = queries;
        this.json = json;
    }

    /** Opens the verification when both contacts are verified and none is open yet; otherwise nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void openIfReady(UUID client) {
        Account account = accounts.lock(client).orElseThrow(() -> new NotFound("portal client", client.toString()));
        if (!account.contactsVerified() || account.kycOperationId() != null) {
            return;
        }
        var consents = new EnumMap<Channel, Consent>(Channel.class);
        if (account.emailConsent()) {
            consents.put(Channel.EMAIL, new Consent(Channel.EMAIL, true, account.createdAt(), CONSENT_SOURCE));
        }
        if (account.smsConsent()) {
            consents.put(Channel.SMS, new Consent(Channel.SMS, true, account.createdAt(), CONSENT_SOURCE));
        }
        clients.enrol(
                account.subject(),
                account.displayName(),
                account.email(),
                account.phone(),
                true,
                account.locale(),
                consents,
                PORTAL);
        var opened = commands.create(
                new NewOperation(TYPE, account.subject(), account.subject(), null, attributes(account)), PORTAL);
        commands.transition(
                opened.id(), REVIEW, null, "registered on the portal; email and phone verified", null, PORTAL);
        accounts.setKycOperation(account.id(), opened.id(), opened.createdAt());
        events.record(account.id(), AccountEvents.Kind.KYC_OPENED);
    }

    /** Where the client's verification stands, read from its operation. */
    public KycState state(Account account) {
        UUID operation = account.kycOperationId();
        if (operation == null) {
            return KycState.NOT_STARTED;
        }
        Status status = queries.get(operation, PORTAL).status();
        return switch (status) {
            case SUCCESS -> KycState.APPROVED;
            case REJECTED -> KycState.REJECTED;
            case PENDING, ERROR -> KycState.PENDING;
        };
    }

    private String attributes(Account account) {
        var attributes = new LinkedHashMap<String, Object>(
                json.readValue(account.detailsJson(), new TypeReference<LinkedHashMap<String, Object>>() {}));
        attributes.put("displayName", account.displayName());
        attributes.put("email", account.email());
        attributes.put("emailVerifiedAt", String.valueOf(account.emailVerifiedAt()));
        attributes.put("phone", account.phone());
        attributes.put("phoneVerifiedAt", String.valueOf(account.phoneVerifiedAt()));
        attributes.put("locale", account.locale());
        attributes.put("source", "portal");
        return json.writeValueAsString(attributes);
    }
}
