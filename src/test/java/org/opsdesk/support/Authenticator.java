package org.opsdesk.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app does for the tests: turns the key shown at enrolment into the code of a time step. */
public final class Authenticator {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

    private Authenticator() {}

    /** The code for this secret at this 30-second step. */
    public static String code(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(
                    new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * 30));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret behind a key as the enrolment page shows it (Base32, in groups separated by spaces). */
    public static byte[] secret(String shownKey) {
        return new Base32().decode(shownKey.replace(" ", ""));
    }

    public static long currentStep() {
        return step(Instant.now());
    }

    /** The step of this instant (of the application's clock, when a test moved it). */
    public static long step(Instant instant) {
        return instant.getEpochSecond() / 30;
    }

    /** The current step, waiting first if it is about to end (so a code computed now is still "now" when sent). */
    public static long freshStep() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 30;
        if (second >= 25) {
            Thread.sleep((31 - second) * 1000);
        }
        return currentStep();
    }
}
