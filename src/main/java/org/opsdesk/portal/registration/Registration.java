package org.opsdesk.portal.registration;

import java.util.List;
import java.util.Map;
import org.opsdesk.portal.PayoutAccount;

/**
 * A registration that passed every check, ready to store.
 *
 * @param details what compliance needs to know of the person or company, by field name, in the order shown
 */
record Registration(
        String kind,
        String displayName,
        String email,
        String phone,
        String password,
        Map<String, String> details,
        boolean emailConsent,
        boolean smsConsent,
        List<PayoutAccount> payoutAccounts) {}
