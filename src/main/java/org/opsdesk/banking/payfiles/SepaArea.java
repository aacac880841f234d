package org.opsdesk.banking.payfiles;

import java.util.Set;

/**
 * The countries of the SEPA scheme's geographical scope (EPC409-09, list of countries and territories of the SEPA
 * schemes, 2025 edition), by the ISO 3166 code their IBANs start with. A EUR batch whose debtor and creditors all
 * bank here is a SEPA credit transfer (service level {@code SEPA}, charges {@code SLEV}).
 */
final class SepaArea {

    private static final Set<String> COUNTRIES = Set.of(
            // EU member states
            "AT",
            "BE",
            "BG",
            "CY",
            "CZ",
            "DE",
            "DK",
            "EE",
            "ES",
            "FI",
            "FR",
            "GR",
            "HR",
            "HU",
            "IE",
            "IT",
            "LT",
            "LU",
            "LV",
            "MT",
            "NL",
            "PL",
            "PT",
            "RO",
            "SE",
            "SI",
            "SK",
            // EEA, Switzerland, the UK and the microstates
            "IS",
            "LI",
            "NO",
            "CH",
            "GB",
            "AD",
            "MC",
            "SM",
            "VA",
            // crown dependencies, Gibraltar, and the French and Finnish territories (most bank with FR or FI IBANs)
            "GI",
            "GG",
            "JE",
            "IM",
            "PM",
            "GF",
            "GP",
            "MQ",
            "RE",
            "YT",
            "BL",
            "MF",
            "AX",
            // joined 2024-2025
            "AL",
            "MD",
            "ME",
            "MK",
            "RS");

    private SepaArea() {}

    static boolean includes(String countryCode) {
        return COUNTRIES.contains(countryCode);
    }
}
