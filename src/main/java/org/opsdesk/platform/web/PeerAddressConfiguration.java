package org.opsdesk.platform.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who connected, beside who a proxy says connected. Forwarded headers are believed only from the proxies named in
 * {@code server.tomcat.remoteip.internal-proxies} ({@code OPSDESK_TRUSTED_PROXIES}, none by default), and the
 * peer address is recorded on every request either way ({@link PeerAddressValve}).
 */
@Configuration(proxyBeanMethods = false)
class PeerAddressConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> peerAddressValve() {
        return factory -> factory.addContextValves(new PeerAddressValve());
    }
}
