package org.opsdesk.banking.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a text statement: UTF-8 when the bytes are valid UTF-8, otherwise the configured legacy code page, or
 * — when none is configured — the Polish one the bytes suggest. Windows-1250 puts letters (ś, ź, Ś, Ź, ...) in
 * 0x80–0x9F, where ISO-8859-2 has only control characters; so any byte there means Windows-1250, none means
 * ISO-8859-2 (the two agree on ł, ż, ó, ę, ć, ń).
 */
final class TextDecoder {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");

    private TextDecoder() {}

    static String decode(byte[] content, @Nullable Charset legacy) {
        int start = startsWithUtf8Bom(content) ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, start, content.length - start, legacy != null ? legacy : likelyPolish(content));
        }
    }

    static Charset likelyPolish(byte[] content) {
        for (byte b : content) {
            int unsigned = b & 0xFF;
            if (unsigned >= 0x80 && unsigned <= 0x9F) {
                return WINDOWS_1250;
            }
        }
        return ISO_8859_2;
    }

    private static boolean startsWithUtf8Bom(byte[] content) {
        return content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }
}
