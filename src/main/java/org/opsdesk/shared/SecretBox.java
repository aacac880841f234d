package org.opsdesk.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Encrypts secrets that must be read back (TOTP secrets, webhook signing secrets) with the application's secret
 * key ({@code opsdesk.secret-key}), AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag, and the owner's
 * id as associated data, so a ciphertext copied onto another row does not decrypt. Stored as
 * {@code v1:<base64(nonce ‖ ciphertext)>}. One bean of it exists (made by {@code platform}, which loads the key);
 * any module may inject it.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    /** The sealed form of {@code plain}, which only {@link #open} with the same {@code owner} reverses. */
    public String seal(byte[] plain, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plain value of what {@link #seal} made for this owner; fails on any other key, owner or tampering. */
    public byte[] open(String stored, String owner) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "a stored secret does not decrypt with the configured secret key (was OPSDESK_SECRET_KEY changed?)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
