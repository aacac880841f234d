package org.opsdesk.registry.users;

import org.opsdesk.shared.DemoMode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the tenant's messaging feature is on — {@code opsdesk.registry.messaging.enabled}, a setting until
 * tenants exist; unset, it follows the demo mode (on in the demo, off in production). Read at each use, not once at
 * start: it stands for a feature that will be looked up per tenant, and a changed environment applies at once.
 */
@Component
class TenantMessaging {

    static final String SETTING = "opsdesk.registry.messaging.enabled";
    static final String OFF = "messaging is turned off for this tenant";

    private final Environment environment;

    TenantMessaging(Environment environment) {
        this.environment = environment;
        isOn(); // a misspelt value stops the start rather than the first message
    }

    boolean isOn() {
        String value = environment.getProperty(SETTING, "").strip();
        return switch (value) {
            case "" -> DemoMode.isOn(environment);
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(SETTING + " must be true or false, not '" + value + "'");
        };
    }
}
