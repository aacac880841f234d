package org.opsdesk.registry.users;

import java.util.Map;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.Targets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Account users (identified by their email, in the state of their status) and their devices ({@code trusted} or
 * {@code untrusted}), as the catalog sees them; neither is found once its account (or user) is deleted.
 */
@Configuration(proxyBeanMethods = false)
class UserTargets {

    @Bean
    ActionTargets usersAsTargets(AccountRecords accounts, UserStore users) {
        return Targets.of("user", id -> users.find(id).flatMap(user -> accounts.find(user.accountId())
                .map(account -> new org.opsdesk.actions.ActionTarget(
                        "user",
                        user.id().toString(),
                        user.email(),
                        user.status(),
                        account.subject(),
                        Map.of(
                                "accountId", account.id().toString(),
                                "accountStatus", account.status(),
                                "name", user.name())))));
    }

    @Bean
    ActionTargets devicesAsTargets(AccountRecords accounts, UserStore users, DeviceStore devices) {
        return Targets.of("device", id -> devices.find(id)
                .flatMap(device -> users.find(device.userId()).flatMap(user -> accounts.find(user.accountId())
                        .map(account -> new org.opsdesk.actions.ActionTarget(
                                "device",
                                device.id().toString(),
                                device.label(),
                                device.trusted() ? "trusted" : "untrusted",
                                account.subject(),
                                Map.of(
                                        "userId", user.id().toString(),
                                        "accountId", account.id().toString(),
                                        "accountStatus", account.status(),
                                        "platform", device.platform()))))));
    }
}
