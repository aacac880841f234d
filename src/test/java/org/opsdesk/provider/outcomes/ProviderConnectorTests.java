package org.opsdesk.provider.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.provider.connector.ProviderClient;
import org.opsdesk.provider.connector.ProviderSettings;
import tools.jackson.databind.json.JsonMapper;

/** The gateway without a provider: it says so, and refuses to send rather than pretend. */
class ProviderConnectorTests {

    @Test
    void withoutAProviderTheGatewayIsNotConfiguredAndRefusesToSend() {
        var settings = ProviderSettings.of("", "", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO);
        var gateway = new ProviderConnector(
                ProviderClient.of(settings, JsonMapper.builder().build(), Clock.systemUTC()), null);

        assertThat(gateway.configured()).isFalse();
        assertThatThrownBy(() -> gateway.send(UUID.randomUUID(), "account.read-balance", Map.of()))
                .isInstanceOf(ActionRefused.class)
                .hasMessage("no provider configured");
    }
}
