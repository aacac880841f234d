package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped configuration believes {@code X-Forwarded-For} and {@code -Proto} from no proxy at all (before the
 * review of 2026-12 it believed every private address), and from exactly the proxies {@code
 * OPSDESK_TRUSTED_PROXIES} names. Built with Boot's own Tomcat customizer from {@code application.properties}.
 */
class ForwardedHeadersTests {

    @Test
    void trustsNoProxyByDefault() throws Exception {
        RemoteIpValve valve = remoteIpValve(Map.of());

        assertThat(valve.getInternalProxies()).as("internal proxies").isNull();
        assertThat(valve.getTrustedProxies()).as("trusted proxies").isNull();
    }

    @Test
    void trustsTheProxiesItIsToldAbout() throws Exception {
        RemoteIpValve valve = remoteIpValve(Map.of("OPSDESK_TRUSTED_PROXIES", "10\\.0\\.0\\.5"));

        assertThat(valve.getInternalProxies()).isEqualTo("10\\.0\\.0\\.5");
    }

    private static RemoteIpValve remoteIpValve(Map<String, Object> variables) throws Exception {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        for (var source : new PropertiesPropertySourceLoader()
                .load("application", new ClassPathResource("application.properties"))) {
            environment.getPropertySources().addLast(source);
        }
        var binder = Binder.get(environment);
        var server = binder.bindOrCreate("server", ServerProperties.class);
        var tomcat = binder.bindOrCreate("server.tomcat", TomcatServerProperties.class);
        var factory = new TomcatServletWebServerFactory();
        new TomcatWebServerFactoryCustomizer(environment, server, tomcat, new WebProperties()).customize(factory);
        return factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .findFirst()
                .orElseThrow();
    }
}
