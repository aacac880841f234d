package org.opsdesk.reports.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's settings ({@code opsdesk.reports.*}).
 *
 * @param sla per operation type, how long an operation may stay pending before it counts as an SLA breach
 *     ({@code opsdesk.reports.sla.withdrawal=PT4H}; Spring drops the underscore of {@code exchange_order} from a
 *     map key, so {@code exchange-order}, {@code exchangeorder} and {@code [exchange_order]} all name that type)
 * @param slaDefault the SLA of a type not listed
 * @param days how many days (today included) the per-day flow, time in stage and operator figures cover
 */
@ConfigurationProperties("opsdesk.reports")
record DashboardSettings(
        @DefaultValue Map<String, Duration> sla,
        @DefaultValue("P1D") Duration slaDefault,
        @DefaultValue("30") int days) {

    DashboardSettings {
        var normalised = new HashMap<String, Duration>();
        sla.forEach((type, duration) -> {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException("opsdesk.reports.sla." + type + " must be positive");
            }
            normalised.put(key(type), duration);
        });
        sla = Map.copyOf(normalised);
        if (slaDefault.isNegative() || slaDefault.isZero()) {
            throw new IllegalStateException("opsdesk.reports.sla-default must be positive");
        }
        if (days < 1 || days > 366) {
            throw new IllegalStateException("opsdesk.reports.days must be between 1 and 366");
        }
    }

    /** The SLA of this type, as configured or the default. */
    Duration slaOf(String type) {
        return sla.getOrDefault(key(type), slaDefault);
    }

    private static String key(String type) {
        return type.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
