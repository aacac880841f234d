package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.portal.account.PortalSettings;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/** Who may order what: KYC approved always, rejected never, pending only up to the configured amount. */
class PortalClientsTests {

    private static final CurrencyCode PLN = new CurrencyCode("PLN", 2);
    private static final CurrencyCode EUR = new CurrencyCode("EUR", 2);

    private static PortalClients upTo(String amount) {
        var settings = new PortalSettings(
                "Kantor",
                "",
                new PortalSettings.Colors("#0b5cad", "#ffffff", "#f6f7f9", "#1b1f24"),
                "",
                Duration.ofHours(24),
                Duration.ofMinutes(10),
                5,
                Duration.ofSeconds(60),
                5,
                new BigDecimal(amount),
                "PLN",
                Duration.ofMinutes(30));
        return new PortalClients(null, null, null, settings, null);
    }

    private static PortalClient client(KycState kyc, boolean contactsVerified) {
        return new PortalClient(
                UUID.randomUUID(),
                "portal-x",
                "Zofia",
                Locale.forLanguageTag("pl"),
                contactsVerified,
                kyc,
                null,
                List.of());
    }

    private static Money money(String amount, CurrencyCode currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @Test
    void letsAnApprovedClientOrderAnyAmountAndARejectedOneNothing() {
        var clients = upTo("0");

        assertThat(clients.mayOrder(client(KycState.APPROVED, true), money("100000.00", EUR)))
                .isTrue();
        assertThat(clients.mayOrder(client(KycState.REJECTED, true), money("1.00", PLN)))
                .isFalse();
    }

    @Test
    void letsNothingBeOrderedBeforeKycByDefault() {
        assertThat(upTo("0").mayOrder(client(KycState.PENDING, true), money("0.01", PLN)))
                .isFalse();
    }

    @Test
    void letsAPendingClientWithVerifiedContactsOrderUpToTheConfiguredAmountInItsCurrency() {
        var clients = upTo("500");

        assertThat(clients.mayOrder(client(KycState.PENDING, true), money("500.00", PLN)))
                .isTrue();
        assertThat(clients.mayOrder(client(KycState.PENDING, true), money("500.01", PLN)))
                .isFalse();
        assertThat(clients.mayOrder(client(KycState.PENDING, true), money("10.00", EUR)))
                .isFalse();
        assertThat(clients.mayOrder(client(KycState.NOT_STARTED, false), money("10.00", PLN)))
                .isFalse();
    }
}
