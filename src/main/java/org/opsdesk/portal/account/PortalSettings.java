package org.opsdesk.portal.account;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings ({@code opsdesk.portal.*}): the office's name, logo and colours, how long verification
 * links and codes live, and how much a client may order before their identity is verified.
 *
 * @param publicUrl where clients reach the portal (scheme, host, port, e.g. {@code https://kantor.example.com}),
 *     for the links in emails; empty: the address of the request that asked for the email
 * @param ordersBeforeKycUpTo the largest amount (in {@code ordersBeforeKycCurrency}) a client whose email and phone
 *     are verified may order while their identity verification is still pending; 0: none
 */
@ConfigurationProperties("opsdesk.portal")
public record PortalSettings(
        @DefaultValue("Opsdesk") String name,
        @DefaultValue("") String logoUrl,
        @DefaultValue Colors colors,
        @DefaultValue("") String publicUrl,
        @DefaultValue("PT24H") Duration emailLinkValidity,
        @DefaultValue("PT10M") Duration phoneCodeValidity,
        @DefaultValue("5") int phoneCodeMaxTries,
        @DefaultValue("PT60S") Duration phoneCodeResendAfter,
        @DefaultValue("5") int phoneCodeMaxSendsPerHour,
        @DefaultValue("0") BigDecimal ordersBeforeKycUpTo,
        @DefaultValue("PLN") String ordersBeforeKycCurrency,
        @DefaultValue("PT30M") Duration sessionIdleTimeout) {

    /** The portal's palette, as CSS hex colours ({@code #0b5cad}); anything else falls back to the default. */
    public record Colors(
            @DefaultValue("#0b5cad") String primary,
            @DefaultValue("#ffffff") String primaryText,
            @DefaultValue("#f6f7f9") String background,
            @DefaultValue("#1b1f24") String text) {}
}
