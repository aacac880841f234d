package org.opsdesk.access.signin;

import org.opsdesk.shared.SecretBox;

/**
 * Encrypts TOTP secrets with the application's secret key. The AES-256-GCM format itself moved to
 * {@link SecretBox} so that other modules (webhook signing secrets) use the same key and format without reaching
 * into {@code access}; values stored before the move read unchanged.
 */
final class SecretCipher {

    private final SecretBox box;

    SecretCipher(SecretBox box) {
        this.box = box;
    }

    String encrypt(byte[] plain, String owner) {
        return box.seal(plain, owner);
    }

    byte[] decrypt(String stored, String owner) {
        return box.open(stored, owner);
    }
}
