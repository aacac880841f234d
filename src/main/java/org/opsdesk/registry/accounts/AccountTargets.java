package org.opsdesk.registry.accounts;

import java.util.HashMap;
import java.util.Map;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.registry.records.Targets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accounts, sub-accounts and partners as the catalog sees them. An account is identified by its number and its
 * state is its status; a sub-account or a partner takes the state of its account (a cancelled account's
 * sub-records are not acted on), and is not found when its account is deleted.
 */
@Configuration(proxyBeanMethods = false)
class AccountTargets {

    @Bean
    ActionTargets accountsAsTargets(AccountRecords accounts) {
        return Targets.of("account", id -> accounts.find(id).map(AccountTargets::target));
    }

    @Bean
    ActionTargets subAccountsAsTargets(AccountRecords accounts, SubAccountStore subAccounts) {
        return Targets.of("sub-account", id -> subAccounts.find(id).flatMap(sub -> accounts.find(sub.accountId())
                .map(account -> new ActionTarget(
                        "sub-account",
                        sub.id().toString(),
                        sub.name(),
                        account.status(),
                        account.subject(),
                        Map.of(
                                "accountId", account.id().toString(),
                                "number", account.number(),
                                "accountStatus", account.status(),
                                "kind", sub.kind(),
                                "balance", sub.balance().toString())))));
    }

    @Bean
    ActionTargets partnersAsTargets(AccountRecords accounts, PartnerStore partners) {
        return Targets.of("partner", id -> partners.find(id).flatMap(partner -> accounts.find(partner.accountId())
                .map(account -> new ActionTarget(
                        "partner",
                        partner.id().toString(),
                        partner.partyId().toString(),
                        account.status(),
                        account.subject(),
                        Map.of(
                                "accountId", account.id().toString(),
                                "accountStatus", account.status(),
                                "partyKind", partner.partyKind())))));
    }

    static ActionTarget target(Account account) {
        var facts = new HashMap<String, String>();
        facts.put("number", account.number());
        facts.put("holderKind", account.holderKind());
        facts.put("holderId", account.holderId().toString());
        facts.put("kind", account.kind());
        facts.put("cashOutLevel", String.valueOf(account.cashOutLevel()));
        facts.put("nightStartsAt", String.valueOf(account.nightStartsAt()));
        if (account.planCode() != null) {
            facts.put("planCode", account.planCode());
        }
        return new ActionTarget(
                "account", account.id().toString(), account.number(), account.status(), account.subject(), facts);
    }
}
