package org.opsdesk.portal;

import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Iban;

/** An account a portal client registered to receive a currency in, its IBAN checked. */
public record PayoutAccount(CurrencyCode currency, Iban iban) {}
