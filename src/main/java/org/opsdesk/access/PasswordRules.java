package org.opsdesk.access;

import java.util.Locale;
import java.util.Optional;
import org.opsdesk.access.operators.PasswordPolicy;
import org.springframework.stereotype.Component;

/**
 * The operators' password rules, for other modules whose people choose passwords (the portal's clients): at least
 * {@value PasswordPolicy#MIN_LENGTH} characters, at most {@value PasswordPolicy#MAX_BYTES} bytes in UTF-8, not built
 * on the sign-in name, not a commonly used password. Hash with the application's {@code PasswordEncoder} bean.
 */
@Component
public class PasswordRules {

    private final PasswordPolicy policy;

    PasswordRules(PasswordPolicy policy) {
        this.policy = policy;
    }

    /** Why a password is refused, for a message in the person's own language. */
    public enum Refusal {
        TOO_SHORT,
        TOO_LONG,
        CONTAINS_NAME,
        TOO_COMMON
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<Refusal> refusal(String password, String signInName) {
        if (PasswordPolicy.lengthProblem(password).isPresent()) {
            return Optional.of(
                    password.codePointCount(0, password.length()) < PasswordPolicy.MIN_LENGTH
                            ? Refusal.TOO_SHORT
                            : Refusal.TOO_LONG);
        }
        return policy.problem(password, signInName)
                .map(reason -> !signInName.isBlank()
                                && password.toLowerCase(Locale.ROOT).contains(signInName.toLowerCase(Locale.ROOT))
                        ? Refusal.CONTAINS_NAME
                        : Refusal.TOO_COMMON);
    }

    /** The fewest characters a password may have. */
    public int minimumLength() {
        return PasswordPolicy.MIN_LENGTH;
    }
}
