package org.opsdesk.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.shared.SecretBox;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecretKeyFileTests {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SecretKeyConfiguration.class);

    @Test
    void sealsWithAFreshNonceAndBindsTheCiphertextToItsOwner() {
        var box = new SecretBox(SecretKeyFile.load(null, dataDir, false));
        byte[] secret = "twenty bytes secret!".getBytes(StandardCharsets.US_ASCII);

        String first = box.seal(secret, "operator-1");
        String second = box.seal(secret, "operator-1");

        assertThat(first).startsWith("v1:").isNotEqualTo(second);
        assertThat(box.open(first, "operator-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(first, "operator-2"))
                .hasMessageContaining("does not decrypt with the configured secret key");
        byte[] tampered = Base64.getDecoder().decode(first.substring(3));
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open("v1:" + Base64.getEncoder().encodeToString(tampered), "operator-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesTheKeyFileOnceReadableOnlyByItsOwner() throws Exception {
        var key = SecretKeyFile.load("", dataDir, false);
        Path file = dataDir.resolve(SecretKeyFile.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretKeyFile.load(null, dataDir, false).getEncoded()).isEqualTo(key.getEncoded());
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(SecretKeyFile.load(configured, dataDir, false).getEncoded()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> SecretKeyFile.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir, false))
                .hasMessageContaining("exactly 32 bytes");
    }

    /** Fails before the fix: every node on a shared database generated a key of its own into its data dir. */
    @Test
    void refusesToStartWithAnExternalDatabaseAndNoConfiguredKey() {
        context.withPropertyValues(
                        "opsdesk.data-dir=" + dataDir,
                        "spring.datasource.url=jdbc:postgresql://db.example:5432/opsdesk")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("OPSDESK_SECRET_KEY (opsdesk.secret-key) is not set")
                            .hasMessageContaining("the database is external")
                            .hasMessageContaining("openssl rand -base64 32");
                });
        assertThat(dataDir.resolve(SecretKeyFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void namesTheKeyFileAnEarlierStartGeneratedWhenTheDatabaseBecameExternal() {
        SecretKeyFile.load(null, dataDir, false);

        assertThatThrownBy(() -> SecretKeyFile.load(null, dataDir, true))
                .hasMessageContaining(dataDir.resolve(SecretKeyFile.FILE_NAME) + " before: use its content");
    }

    @Test
    void startsWithAnExternalDatabaseAndAConfiguredKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        context.withPropertyValues(
                        "opsdesk.data-dir=" + dataDir,
                        "spring.datasource.url=jdbc:postgresql://db.example:5432/opsdesk",
                        "opsdesk.secret-key=" + key)
                .run(started -> assertThat(started).hasSingleBean(SecretBox.class));
        assertThat(dataDir.resolve(SecretKeyFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void generatesTheKeyIntoTheDataDirectoryWithTheEmbeddedDatabase() {
        context.withPropertyValues("opsdesk.data-dir=" + dataDir).run(started -> {
            assertThat(started).hasSingleBean(SecretBox.class);
            var box = started.getBean(SecretBox.class);
            assertThat(box.open(box.seal(new byte[] {1, 2}, "owner"), "owner")).containsExactly(1, 2);
        });
        assertThat(dataDir.resolve(SecretKeyFile.FILE_NAME)).exists();
    }
}
