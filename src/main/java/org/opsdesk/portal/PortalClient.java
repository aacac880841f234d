package org.opsdesk.portal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client registered on the portal, as the ordering pages need them.
 *
 * @param id the portal's own id of the client
 * @param subject the stable id operations and the client directory know them by ({@code portal-<uuid>})
 * @param displayName the person's full name or the company's name
 * @param locale the language they registered in (one of en, pt-BR, nl, pl)
 * @param contactsVerified whether both their email address and their phone are verified
 * @param kyc where their identity verification stands
 * @param kycOperationId the {@code kyc_verification} operation, once opened
 * @param payoutAccounts where they receive each currency
 */
public record PortalClient(
        UUID id,
        String subject,
        String displayName,
        Locale locale,
        boolean contactsVerified,
        KycState kyc,
        @Nullable UUID kycOperationId,
        List<PayoutAccount> payoutAccounts) {

    public PortalClient {
        payoutAccounts = List.copyOf(payoutAccounts);
    }
}
