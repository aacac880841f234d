package org.opsdesk.banking.payfiles;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A structured postal address as pain.001 carries it: the ISO 3166 country and, when known, the town, post code,
 * street and building number. Written as structured elements (never free address lines), which both message
 * versions accept and which SEPA asks for from November 2025.
 */
public record PostalAddress(
        String country,
        @Nullable String townName,
        @Nullable String postCode,
        @Nullable String streetName,
        @Nullable String buildingNumber) {

    public PostalAddress {
        Objects.requireNonNull(country);
    }

    /** Only the country, which is all a party's address must have. */
    public static PostalAddress country(String country) {
        return new PostalAddress(country, null, null, null, null);
    }
}
