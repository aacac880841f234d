package org.opsdesk.exports.csv;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/**
 * How the file is written for the program that opens it: a UTF-8 byte order mark (so Excel reads UTF-8) and the
 * field separator ({@code ;} for spreadsheets in locales whose decimal separator is a comma).
 */
record CsvOptions(boolean bom, char separator) {

    static final CsvOptions DEFAULT = new CsvOptions(false, ',');

    /** From {@code bom=true|false} and {@code separator=,|;}; absent or empty means the default. */
    static CsvOptions fromParameters(Function<String, @Nullable String> parameter) {
        String bom = parameter.apply("bom");
        String separator = parameter.apply("separator");
        return new CsvOptions(flag(bom), separator(separator));
    }

    private static boolean flag(@Nullable String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInput.of("bom", "must be true or false");
    }

    private static char separator(@Nullable String value) {
        if (value == null || value.isEmpty() || value.equals(",")) {
            return ',';
        }
        if (value.equals(";")) {
            return ';';
        }
        throw InvalidInput.of("separator", "must be ',' or ';'");
    }
}
