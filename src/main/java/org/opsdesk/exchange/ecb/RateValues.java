package org.opsdesk.exchange.ecb;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.opsdesk.shared.InvalidInput;

/** The checks every format shares: a currency code and a rate as the ECB writes them. */
final class RateValues {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern RATE = Pattern.compile("\\d{1,12}(\\.\\d{1,10})?");

    private RateValues() {}

    static String currency(String code, String where) {
        if (!CODE.matcher(code).matches()) {
            throw InvalidInput.of("file", where + ": '" + shorten(code) + "' is not a currency code");
        }
        if (code.equals(EcbDay.EURO)) {
            throw InvalidInput.of("file", where + ": lists a rate for EUR against itself");
        }
        return code;
    }

    static BigDecimal rate(String value, String where) {
        if (!RATE.matcher(value).matches()) {
            throw InvalidInput.of("file", where + ": '" + shorten(value) + "' is not a rate");
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.signum() <= 0) {
            throw InvalidInput.of("file", where + ": the rate must be greater than zero");
        }
        return rate;
    }

    /** What a refusal quotes of a bad value: enough to find it, never a whole line of a hostile file. */
    static String shorten(String value) {
        String visible = value.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= 40 ? visible : visible.substring(0, 40) + "…";
    }
}
