package org.opsdesk.registry.accounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.PersonStore;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code partner.create} and {@code partner.update}: the shareholders of business accounts (a personal account has
 * none). A partner is a live person or company other than the holder, once per account; the shares of an account's
 * partners add up to 100% at most. ({@code partner.delete} is the registry's soft delete.)
 */
@Configuration(proxyBeanMethods = false)
class PartnerActions {

    @Bean
    RegistryAction partnerCreation(
            AccountRecords accounts, PartnerStore partners, PersonStore persons, CompanyStore companies, Clock clock) {
        return new RegistryAction("partner.create") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return businessAccountUnavailable(target.facts().get("kind"), target.state());
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                var party = party(input);
                if (!(party.kind().equals("person") ? persons.find(party.id()) : companies.find(party.id()))
                        .isPresent()) {
                    throw InvalidInput.of("partyId", "no such " + party.kind());
                }
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var party = party(invocation.input());
                var account = lockBusiness(accounts, targetId(invocation));
                boolean live = party.kind().equals("person")
                        ? persons.find(party.id()).isPresent()
                        : companies.find(party.id()).isPresent();
                if (!live) {
                    throw new ActionRefused("the " + party.kind() + " was deleted");
                }
                if (party.id().equals(account.holderId())) {
                    throw new ActionRefused("the holder is not a partner of its own account");
                }
                if (partners.isPartner(account.id(), party.id())) {
                    throw new ActionRefused("the " + party.kind() + " is a partner of this account already");
                }
                refuseOverHundred(partners, account.id(), null, party.share());
                var partner = new Partner(
                        UUID.randomUUID(),
                        account.id(),
                        party.kind(),
                        party.id(),
                        party.share(),
                        clock.instant(),
                        invocation.maker().principalKey());
                if (!partners.insert(
                        partner, new Stamp(clock.instant(), invocation.maker().principalKey()))) {
                    throw new ActionRefused("the " + party.kind() + " is a partner of this account already");
                }
                return new Applied(
                        account.id().toString(),
                        Map.of("partner", partner.id().toString(), "party", party.kind() + ":" + party.id()));
            }
        };
    }

    @Bean
    RegistryAction partnerUpdate(AccountRecords accounts, PartnerStore partners, Clock clock) {
        return new RegistryAction("partner.update") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return "cancelled".equals(target.facts().get("accountStatus")) ? "the account is cancelled" : null;
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                share(input);
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var share = share(invocation.input());
                var partner = partners.find(targetId(invocation))
                        .orElseThrow(() -> new ActionRefused("the partner was deleted meanwhile"));
                lockBusiness(accounts, partner.accountId());
                refuseOverHundred(partners, partner.accountId(), partner.id(), share);
                partners.setShare(
                        partner.id(),
                        share,
                        new Stamp(clock.instant(), invocation.maker().principalKey()));
                return new Applied(partner.id().toString(), Map.of("sharePercent", share.toPlainString()));
            }
        };
    }

    static @Nullable String businessAccountUnavailable(@Nullable String kind, String state) {
        if (!"business".equals(kind)) {
            return "partners belong to business accounts only";
        }
        return state.equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    private static Account lockBusiness(AccountRecords accounts, UUID id) {
        var account = accounts.lockForAction(id);
        String unavailable = businessAccountUnavailable(account.kind(), account.status());
        if (unavailable != null) {
            throw new ActionRefused(unavailable);
        }
        return account;
    }

    private static void refuseOverHundred(
            PartnerStore partners, UUID accountId, @Nullable UUID except, @Nullable BigDecimal share) {
        if (share != null
                && partners.sharesBesides(accountId, except).add(share).compareTo(new BigDecimal("100")) > 0) {
            throw new ActionRefused("the partners' shares would add up to more than 100%");
        }
    }

    private record Party(String kind, UUID id, @Nullable BigDecimal share) {}

    private static Party party(ActionInput input) {
        var check = new FieldCheck();
        String kind = input.text("partyKind").orElse("");
        if (!kind.equals("person") && !kind.equals("company")) {
            check.refuse("partyKind", "must be one of person, company");
        }
        UUID id = check.take(() -> Texts.id("partyId", input.text("partyId").orElse(null)));
        BigDecimal share = input.decimal("sharePercent")
                .map(value -> check.take(() -> percent(value)))
                .orElse(null);
        check.done();
        return new Party(kind, id, share);
    }

    private static BigDecimal share(ActionInput input) {
        return percent(input.decimal("sharePercent").orElseThrow(() -> InvalidInput.of("sharePercent", "is required")));
    }

    private static BigDecimal percent(BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(new BigDecimal("100")) > 0) {
            throw InvalidInput.of("sharePercent", "must be more than 0 and at most 100");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw InvalidInput.of("sharePercent", "must have at most 2 decimals");
        }
        return value;
    }
}
