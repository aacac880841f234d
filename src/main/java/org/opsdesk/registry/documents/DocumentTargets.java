package org.opsdesk.registry.documents;

import java.util.Map;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.Targets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents as the catalog sees them: identified by their file name, in their account's state. */
@Configuration(proxyBeanMethods = false)
class DocumentTargets {

    @Bean
    ActionTargets documentsAsTargets(AccountRecords accounts, DocumentStore documents) {
        return Targets.of("document", id -> documents.find(id).flatMap(document -> accounts.find(document.accountId())
                .map(account -> new ActionTarget(
                        "document",
                        document.id().toString(),
                        document.fileName(),
                        account.status(),
                        account.subject(),
                        Map.of(
                                "accountId", account.id().toString(),
                                "accountStatus", account.status(),
                                "contentType", document.contentType())))));
    }
}
