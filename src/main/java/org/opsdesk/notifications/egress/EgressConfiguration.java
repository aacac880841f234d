package org.opsdesk.notifications.egress;

import java.net.InetAddress;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DestinationGuard}, from {@code opsdesk.webhooks.allow-http} and {@code .allowed-private-networks}. */
@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

    @Bean
    DestinationGuard destinationGuard(
            @Value("${opsdesk.webhooks.allow-http:false}") boolean allowHttp,
            @Value("${opsdesk.webhooks.allowed-private-networks:}") List<String> allowedPrivateNetworks) {
        return new DestinationGuard(allowHttp, allowedPrivateNetworks, InetAddress::getAllByName);
    }
}
