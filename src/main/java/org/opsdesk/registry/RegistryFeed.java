package org.opsdesk.registry;

import java.time.Clock;
import java.util.UUID;
import org.opsdesk.registry.users.DeviceStore;
import org.opsdesk.registry.users.UserStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reaches the registry from outside the catalog: trusted devices, which the institution's app registers (no
 * operator action creates one; the provider's feed will, in a later part), and whether the registry holds any
 * record yet — for the demo, which seeds its records once, and for the tests.
 */
@Service
public class RegistryFeed {

    private final JdbcClient jdbc;
    private final UserStore users;
    private final DeviceStore devices;
    private final Clock clock;

    RegistryFeed(JdbcClient jdbc, UserStore users, DeviceStore devices, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.devices = devices;
        this.clock = clock;
    }

    /** True once any person or company was ever created (deleted ones count: the registry is not new). */
    public boolean holdsParties() {
        return jdbc.sql("select exists (select 1 from registry.person) or exists (select 1 from registry.company)")
                .query(Boolean.class)
                .single();
    }

    /**
     * Registers a device of the account's live user with this email, seen now; returns the device's id.
     *
     * @throws NotFound if the account has no live user with the email
     */
    @Transactional
    public UUID registerDevice(
            UUID accountId, String userEmail, String label, String platform, boolean trusted, Actor by) {
        var user = users.of(accountId).stream()
                .filter(u -> u.email().equalsIgnoreCase(userEmail))
                .findFirst()
                .orElseThrow(() -> new NotFound("user", userEmail));
        return devices.register(user.id(), label, platform, trusted, clock.instant(), by.principalKey())
                .id();
    }
}
