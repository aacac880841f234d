package org.opsdesk.shared;

import org.springframework.core.env.Environment;

/**
 * Whether demo data and a demo API key are created: {@code opsdesk.demo} (OPSDESK_DEMO) when set, otherwise on
 * exactly when Opsdesk runs on its embedded PostgreSQL (no {@code spring.datasource.url}).
 */
public final class DemoMode {
    private DemoMode() {}

    public static boolean isOn(Environment environment) {
        String demo = environment.getProperty("opsdesk.demo", "");
        if (!demo.isBlank()) {
            return Boolean.parseBoolean(demo.trim());
        }
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }
}
