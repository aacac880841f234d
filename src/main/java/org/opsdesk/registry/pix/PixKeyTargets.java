package org.opsdesk.registry.pix;

import java.util.Map;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.Targets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Pix keys as the catalog sees them: identified by the key itself, in the state of their status. */
@Configuration(proxyBeanMethods = false)
class PixKeyTargets {

    @Bean
    ActionTargets pixKeysAsTargets(AccountRecords accounts, PixKeyStore keys) {
        return Targets.of("pix-key", id -> keys.find(id).flatMap(key -> accounts.find(key.accountId())
                .map(account -> new ActionTarget(
                        "pix-key",
                        key.id().toString(),
                        key.value(),
                        key.status(),
                        account.subject(),
                        Map.of(
                                "accountId", account.id().toString(),
                                "accountStatus", account.status(),
                                "keyType", key.type())))));
    }
}
