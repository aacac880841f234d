package org.opsdesk.shared;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The currencies Opsdesk accepts: every ISO 4217 currency the JDK knows with a defined minor unit, plus the
 * crypto assets configured by the operator (code → decimals). Parses amounts strictly: a decimal string, positive,
 * no more decimals than the currency has.
 */
public final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{2,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,18})?");

    private final Map<String, Integer> crypto;

    public Currencies(Map<String, Integer> crypto) {
        crypto.forEach((code, digits) -> {
            if (!CODE.matcher(code).matches() || digits < 0 || digits > 18) {
                throw new IllegalArgumentException("invalid crypto currency configuration: " + code + "=" + digits);
            }
        });
        this.crypto = Map.copyOf(crypto);
    }

    public Optional<CurrencyCode> find(String code) {
        if (!CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Integer digits = crypto.get(code);
        if (digits != null) {
            return Optional.of(new CurrencyCode(code, digits));
        }
        try {
            int isoDigits = Currency.getInstance(code).getDefaultFractionDigits();
            // Codes without a minor unit (XAU, XDR, XXX) are not money an operator moves.
            return isoDigits < 0 ? Optional.empty() : Optional.of(new CurrencyCode(code, isoDigits));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Every currency {@link #find} accepts: the ISO 4217 codes the JDK knows with a minor unit and the configured
     * crypto assets (a crypto code wins over an ISO one of the same name), ordered by code.
     */
    public List<CurrencyCode> all() {
        var codes = new java.util.TreeSet<String>(crypto.keySet());
        Currency.getAvailableCurrencies().forEach(currency -> codes.add(currency.getCurrencyCode()));
        return codes.stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(CurrencyCode::code))
                .toList();
    }

    /** Whether {@code code} is one of the configured crypto assets rather than an ISO 4217 currency. */
    public boolean isCrypto(String code) {
        return crypto.containsKey(code);
    }

    /**
     * Parses a decimal string into money of the given currency.
     *
     * @throws InvalidInput naming {@code field} with the reason
     */
    public Money parse(String field, String value, String currencyCode) {
        CurrencyCode currency = find(currencyCode)
                .orElseThrow(() -> InvalidInput.of(
                        field + ".currency", "'" + currencyCode + "' is not a known ISO 4217 or configured currency"));
        if (!DECIMAL.matcher(value).matches()) {
            throw InvalidInput.of(
                    field + ".value",
                    "must be a positive decimal string such as \"125.50\" (no sign, exponent or spaces)");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.scale() > currency.fractionDigits()) {
            throw InvalidInput.of(
                    field + ".value",
                    currency.code() + " amounts have at most " + currency.fractionDigits() + " decimals");
        }
        if (amount.signum() <= 0) {
            throw InvalidInput.of(field + ".value", "must be greater than zero");
        }
        return new Money(amount, currency);
    }
}
