package org.opsdesk.provider.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.WebhookSecrets;
import tools.jackson.databind.json.JsonMapper;

/** The connector's settings as checked at start, and a connector without a provider. */
class ProviderSettingsTests {

    private static final String SECRET = WebhookSecrets.generate();

    @Test
    void withoutABaseUrlNoProviderIsConfigured() {
        var settings = settings("", "");
        var client = ProviderClient.of(settings, JsonMapper.builder().build(), Clock.systemUTC());

        assertThat(settings.configured()).isFalse();
        assertThat(client.configured()).isFalse();
        assertThatThrownBy(() -> client.send(UUID.randomUUID(), "account.suspend", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no provider configured");
    }

    @Test
    void acceptsAnHttpsOrHttpBaseUrlAndDropsItsTrailingSlash() {
        assertThat(settings("https://provider.example.com/api/", SECRET).baseUrl())
                .hasToString("https://provider.example.com/api");
        assertThat(settings("http://10.0.0.5:8443", SECRET).configured()).isTrue();
    }

    @Test
    void refusesABaseUrlThatIsNotPlainHttp() {
        for (String url : new String[] {
            "ftp://provider.example.com",
            "file:///etc/passwd",
            "https://user:pass@provider.example.com",
            "https://provider.example.com/?token=1",
            "https://provider.example.com/#x",
            "provider.example.com",
            "https://"
        }) {
            assertThatThrownBy(() -> settings(url, SECRET))
                    .as(url)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("opsdesk.provider.base-url");
        }
    }

    @Test
    void aBaseUrlNeedsAWhsecSigningSecret() {
        assertThatThrownBy(() -> settings("https://provider.example.com", "")).hasMessageContaining("signing-secret");
        assertThatThrownBy(() -> settings("https://provider.example.com", "plain-password"))
                .hasMessageContaining("signing-secret");
        assertThatThrownBy(() -> settings("https://provider.example.com", "whsec_c2hvcnQ="))
                .as("too short a key")
                .hasMessageContaining("signing-secret");
    }

    @Test
    void neverShowsTheCredentials() {
        var settings = new ProviderSettings(
                "https://provider.example.com",
                "X-Api-Key",
                "s3cr3t-credentials",
                SECRET,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofSeconds(15),
                3,
                Duration.ofMillis(500),
                65536,
                Duration.ofMinutes(5));

        assertThat(settings.toString()).doesNotContain("s3cr3t", SECRET);
    }

    @Test
    void refusesTimeoutsAndTriesThatDoNotFit() {
        assertThatThrownBy(() -> ProviderSettings.of(
                        "https://p.example.com", SECRET, Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ProviderSettings.of(
                        "https://p.example.com",
                        SECRET,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        0,
                        Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ProviderSettings settings(String baseUrl, String secret) {
        return ProviderSettings.of(
                baseUrl, secret, Duration.ofSeconds(15), Duration.ofSeconds(15), 3, Duration.ofMillis(500));
    }
}
