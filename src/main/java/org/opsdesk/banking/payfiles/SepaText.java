package org.opsdesk.banking.payfiles;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SEPA basic Latin character set (EPC217-08: {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space — also the
 * SWIFT "x" set non-SEPA transfers travel in), reached by transliterating letters with diacritics the way banks do
 * (ł → l, ß → ss, é → e); anything else (an ampersand, a quote, Cyrillic, an emoji, a control character) is refused
 * rather than guessed. ADR 0029 says why.
 */
final class SepaText {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/\\-?:().,'+ ]*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ANY_SPACE = Pattern.compile("\\s+");

    // Latin letters that Unicode does not decompose into a base letter plus a mark.
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ß', "ss"),
            Map.entry('ẞ', "SS"),
            Map.entry('ł', "l"),
            Map.entry('Ł', "L"),
            Map.entry('ø', "o"),
            Map.entry('Ø', "O"),
            Map.entry('đ', "d"),
            Map.entry('Đ', "D"),
            Map.entry('ð', "d"),
            Map.entry('Ð', "D"),
            Map.entry('þ', "th"),
            Map.entry('Þ', "Th"),
            Map.entry('æ', "ae"),
            Map.entry('Æ', "AE"),
            Map.entry('œ', "oe"),
            Map.entry('Œ', "OE"),
            Map.entry('ı', "i"),
            Map.entry('ħ', "h"),
            Map.entry('Ħ', "H"),
            Map.entry('’', "'"),
            Map.entry('‘', "'"),
            Map.entry('–', "-"),
            Map.entry('—', "-"));

    private SepaText() {}

    /**
     * The text in the SEPA set — diacritics transliterated, runs of white space (line breaks, tabs) made one space,
     * ends stripped — or empty when a character remains that the set has no stand-in for.
     */
    static Optional<String> of(String text) {
        String latin = transliterate(ANY_SPACE.matcher(text).replaceAll(" ").strip());
        return ALLOWED.matcher(latin).matches() ? Optional.of(latin) : Optional.empty();
    }

    /** The first character of {@code text} that {@link #of} cannot bring into the set, for the error message. */
    static String firstRefused(String text) {
        String latin = transliterate(ANY_SPACE.matcher(text).replaceAll(" "));
        return latin.codePoints()
                .filter(c -> !ALLOWED.matcher(Character.toString(c)).matches())
                .mapToObj(
                        c -> String.format("'%s' (U+%04X)", Character.isISOControl(c) ? "?" : Character.toString(c), c))
                .findFirst()
                .orElse("");
    }

    private static String transliterate(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mapped.append(LETTERS.getOrDefault(c, String.valueOf(c)));
        }
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }
}
