package org.opsdesk.access.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTests {

    @TempDir
    Path dataDir;

    @Test
    void encryptsWithAFreshNonceAndBindsTheCiphertextToItsOwner() {
        var cipher = new SecretCipher(SecretKeyFile.load(null, dataDir));
        byte[] secret = "twenty bytes secret!".getBytes(StandardCharsets.US_ASCII);

        String first = cipher.encrypt(secret, "operator-1");
        String second = cipher.encrypt(secret, "operator-1");

        assertThat(first).startsWith("v1:").isNotEqualTo(second);
        assertThat(cipher.decrypt(first, "operator-1")).isEqualTo(secret);
        assertThatThrownBy(() -> cipher.decrypt(first, "operator-2"))
                .hasMessageContaining("does not decrypt with the configured secret key");
        byte[] tampered = Base64.getDecoder().decode(first.substring(3));
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(tampered), "operator-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesTheKeyFileOnceReadableOnlyByItsOwner() throws Exception {
        var key = SecretKeyFile.load("", dataDir);
        Path file = dataDir.resolve(SecretKeyFile.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretKeyFile.load(null, dataDir).getEncoded()).isEqualTo(key.getEncoded());
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SecretKeyFile.load(configured, dataDir).getEncoded()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> SecretKeyFile.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .hasMessageContaining("exactly 32 bytes");
    }
}
