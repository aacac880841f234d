package org.opsdesk.registry.validation;

import java.util.regex.Pattern;
import org.opsdesk.shared.InvalidInput;

/**
 * Phone numbers in E.164 ({@code +5511987654321}), as people type them (spaces, dashes, dots and parentheses
 * dropped). A Pix phone key is narrower: a Brazilian mobile, {@code +55}, a two-digit area code and nine digits
 * starting with 9.
 */
public final class Phones {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern BRAZILIAN_MOBILE = Pattern.compile("\\+55[1-9]{2}9\\d{8}");

    private Phones() {}

    /** Any country's number in E.164, or 422 on {@code field}. */
    public static String parse(String field, String typed) {
        String phone = typed.replaceAll("[\\s.()\\-]", "");
        if (!E164.matcher(phone).matches()) {
            throw InvalidInput.of(
                    field,
                    "must be a phone number in international form: + country code and number" + " (+5511987654321)");
        }
        return phone;
    }

    /** A Brazilian mobile in E.164, the only phone a Pix key may be, or 422 on {@code field}. */
    public static String brazilianMobile(String field, String typed) {
        String phone = parse(field, typed);
        if (!BRAZILIAN_MOBILE.matcher(phone).matches()) {
            throw InvalidInput.of(
                    field,
                    "a Pix phone key must be a Brazilian mobile: +55, the area code and nine"
                            + " digits starting with 9 (+5511987654321)");
        }
        return phone;
    }
}
