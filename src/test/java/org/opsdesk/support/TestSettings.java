package org.opsdesk.support;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A setting the application reads at each use, changed for one test in the shared application context (as an operator
 * changing it would) and put back afterwards; first among the property sources, so it wins over the tests' own.
 */
public final class TestSettings {

    private TestSettings() {}

    public static void set(ConfigurableEnvironment environment, String name, String value) {
        environment.getPropertySources().remove(name);
        environment.getPropertySources().addFirst(new MapPropertySource(name, Map.of(name, value)));
    }

    public static void reset(ConfigurableEnvironment environment, String name) {
        environment.getPropertySources().remove(name);
    }

    /** The tenant's messaging feature ({@code account.send-push}), unset (off) in the tests' configuration. */
    public static final String MESSAGING = "opsdesk.registry.messaging.enabled";
}
