package org.opsdesk.platform;

import java.util.HashMap;
import java.util.Map;
import org.opsdesk.shared.Currencies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CurrencyConfiguration {

    /** {@code opsdesk.currencies.crypto.BTC=8}: assets beyond ISO 4217 and the decimals their amounts carry. */
    @ConfigurationProperties("opsdesk.currencies")
    static class CurrencyProperties {
        private Map<String, Integer> crypto = new HashMap<>();

        public Map<String, Integer> getCrypto() {
            return crypto;
        }

        public void setCrypto(Map<String, Integer> crypto) {
            this.crypto = crypto;
        }
    }

    @Bean
    CurrencyProperties currencyProperties() {
        return new CurrencyProperties();
    }

    @Bean
    Currencies currencies(CurrencyProperties properties) {
        return new Currencies(properties.getCrypto());
    }
}
