package org.opsdesk.registry.limits;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.accounts.Account;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limit actions: {@code limit.define} (a new transaction type with the values every account gets), {@code
 * limit.update} (one account's own values for a type) and {@code limit.update-all} (four-eyes: a type's values for
 * every account at once — accounts with values of their own get the type's). A type is the target kind {@code
 * limit-type}, identified by its code.
 */
@Configuration(proxyBeanMethods = false)
class LimitActions {

    @Bean
    ActionTargets limitTypesAsTargets(LimitStore limits) {
        return new ActionTargets() {
            @Override
            public String kind() {
                return "limit-type";
            }

            @Override
            public Optional<ActionTarget> find(String id, Actor actor) {
                return limits.type(id)
                        .map(type -> new ActionTarget(
                                "limit-type",
                                type.transactionType(),
                                type.transactionType(),
                                "defined",
                                null,
                                Map.of(
                                        "daytime", type.daytime().toPlainString(),
                                        "nighttime", type.nighttime().toPlainString(),
                                        "currency", type.currency())));
            }
        };
    }

    @Bean
    RegistryAction limitDefinition(LimitStore limits, Clock clock) {
        return new RegistryAction("limit.define") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return null;
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                var limit = LimitValues.read(LimitValues.typeCode(input), input);
                if (limits.type(limit.transactionType()).isPresent()) {
                    throw InvalidInput.of("transactionType", "this transaction type has limits already");
                }
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var input = invocation.input();
                var limit = LimitValues.read(LimitValues.typeCode(input), input);
                if (!limits.define(
                        limit, new Stamp(clock.instant(), invocation.maker().principalKey()))) {
                    throw new ActionRefused("this transaction type was given limits meanwhile");
                }
                return new Applied(limit.transactionType(), values(limit));
            }
        };
    }

    @Bean
    RegistryAction limitUpdate(AccountRecords accounts, LimitStore limits, Clock clock) {
        return new RegistryAction("limit.update") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                String type = LimitValues.typeCode(input);
                LimitValues.read(type, input);
                if (limits.type(type).isEmpty()) {
                    throw InvalidInput.of("transactionType", "no limits are defined for this transaction type");
                }
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var input = invocation.input();
                var limit = LimitValues.read(LimitValues.typeCode(input), input);
                var account = accounts.lockUncancelled(targetId(invocation));
                if (limits.type(limit.transactionType()).isEmpty()) {
                    throw new ActionRefused("no limits are defined for " + limit.transactionType());
                }
                limits.setForAccount(
                        account.id(),
                        limit,
                        new Stamp(clock.instant(), invocation.maker().principalKey()));
                return new Applied(account.id().toString(), values(limit));
            }
        };
    }

    @Bean
    RegistryAction limitUpdateForEveryAccount(LimitStore limits, Clock clock) {
        return new RegistryAction("limit.update-all") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return null;
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                LimitValues.read("any", input);
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                String code = target(invocation).id();
                limits.lockType(code).orElseThrow(() -> new ActionRefused("the transaction type has no limits"));
                var limit = LimitValues.read(code, invocation.input());
                int own = limits.setForEveryAccount(
                        limit, new Stamp(clock.instant(), invocation.maker().principalKey()));
                var changes = new java.util.LinkedHashMap<>(values(limit));
                changes.put("accountsWithOwnValuesReplaced", String.valueOf(own));
                return new Applied(code, changes);
            }
        };
    }

    private static Map<String, String> values(LimitStore.Limit limit) {
        return Map.of(
                "transactionType", limit.transactionType(),
                "daytime", limit.daytime().toPlainString() + " " + limit.currency(),
                "nighttime", limit.nighttime().toPlainString() + " " + limit.currency());
    }
}
