package org.opsdesk.access.operators;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How operator passwords are hashed: argon2id (OWASP's minimum: 19 MiB, two passes, one lane), with no byte limit
 * of its own. Hashes written by earlier versions ({@code {bcrypt}}) still match and are rewritten as argon2id at
 * the next successful sign-in; any other id ({@code {noop}}, {@code {MD4}}, {@code {SHA-1}}, …) never matches,
 * whatever the password.
 */
public final class PasswordHashing {

    static final String ARGON2 = "argon2";
    private static final String BCRYPT = "bcrypt";

    private PasswordHashing() {}

    public static PasswordEncoder encoder() {
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        var delegating =
                new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, BCRYPT, new BCryptPasswordEncoder()));
        delegating.setDefaultPasswordEncoderForMatches(new NeverMatches());
        return delegating;
    }

    /** What an unknown or retired hash id matches: nothing (rather than an exception the caller must expect). */
    private static final class NeverMatches implements PasswordEncoder {
        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("only for matching hashes of retired schemes");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
