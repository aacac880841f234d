package org.opsdesk.platform.secrets;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SecretBox} of the application, sealing with its secret key: TOTP secrets in {@code access},
 * webhook signing secrets in {@code notifications}. Here because the key belongs to the installation (its data
 * directory, its database), not to any one feature.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    @Bean
    SecretBox secretBox(
            @Value("${opsdesk.secret-key:}") @Nullable String secretKey,
            @Value("${opsdesk.data-dir}") Path dataDir,
            @Value("${spring.datasource.url:}") @Nullable String externalDatabase) {
        boolean external = externalDatabase != null && !externalDatabase.isBlank();
        return new SecretBox(SecretKeyFile.load(secretKey, dataDir, external));
    }
}
