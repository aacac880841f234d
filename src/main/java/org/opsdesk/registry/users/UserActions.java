package org.opsdesk.registry.users;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.accounts.Account;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.registry.validation.Emails;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Phones;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code user.create} (on an account that is not cancelled; an email once per account), {@code user.update} (name,
 * phone, status, permissions, the client directory's subject — the email is the user's login and stays) and {@code user.reset-trusted-device}
 * (four-eyes: every device of the user becomes untrusted, so the next payment asks the second factor again).
 */
@Configuration(proxyBeanMethods = false)
class UserActions {

    @Bean
    RegistryAction userCreation(AccountRecords accounts, UserStore users, Clock clock) {
        return new RegistryAction("user.create") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                var user = newUser(input, UUID.randomUUID(), clock.instant(), actor.principalKey());
                if (target != null && users.emailTaken(UUID.fromString(target.id()), user.email())) {
                    throw InvalidInput.of("email", "the account has a user with this email already");
                }
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var account = accounts.lockUncancelled(targetId(invocation));
                var user = newUser(
                        invocation.input(),
                        account.id(),
                        clock.instant(),
                        invocation.maker().principalKey());
                if (!users.insert(user)) {
                    throw new ActionRefused("the account has a user with this email already");
                }
                return new Applied(
                        account.id().toString(), Map.of("user", user.id().toString(), "email", user.email()));
            }
        };
    }

    @Bean
    RegistryAction userUpdate(UserStore users, Clock clock) {
        return new RegistryAction("user.update") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return accountCancelled(target);
            }

            @Override
            public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
                changes(input);
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var changes = changes(invocation.input());
                var user = users.lock(targetId(invocation))
                        .orElseThrow(() -> new ActionRefused("the user was deleted meanwhile"));
                var updated = new AccountUser(
                        user.id(),
                        user.accountId(),
                        (String) changes.getOrDefault("name", user.name()),
                        user.email(),
                        (String) changes.getOrDefault("phone", user.phone()),
                        (String) changes.getOrDefault("status", user.status()),
                        permissions(changes, user.permissions()),
                        (String) changes.getOrDefault("subject", user.subject()),
                        user.createdAt(),
                        user.createdBy(),
                        user.updatedAt(),
                        user.updatedBy());
                users.update(
                        updated, new Stamp(clock.instant(), invocation.maker().principalKey()));
                var history = new LinkedHashMap<String, String>();
                changes.forEach((field, value) -> history.put(field, String.valueOf(value)));
                return new Applied(user.id().toString(), history);
            }
        };
    }

    @Bean
    RegistryAction trustedDeviceReset(UserStore users, DeviceStore devices) {
        return new RegistryAction("user.reset-trusted-device") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return accountCancelled(target);
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var user = users.lock(targetId(invocation))
                        .orElseThrow(() -> new ActionRefused("the user was deleted meanwhile"));
                int untrusted = devices.untrustAll(user.id());
                return new Applied(user.id().toString(), Map.of("devicesUntrusted", String.valueOf(untrusted)));
            }
        };
    }

    static @Nullable String accountCancelled(ActionTarget target) {
        return "cancelled".equals(target.facts().get("accountStatus")) ? "the account is cancelled" : null;
    }

    private static AccountUser newUser(ActionInput input, UUID accountId, Instant now, String by) {
        var check = new FieldCheck();
        String name = check.take(() -> Texts.required("name", input.text("name").orElse(null), 200));
        String email = check.take(() ->
                Emails.parse("email", input.text("email").orElseThrow(() -> InvalidInput.of("email", "is required"))));
        String phone = input.text("phone")
                .map(text -> check.take(() -> Phones.parse("phone", text)))
                .orElse(null);
        List<String> permissions = check.take(() ->
                UserPermissions.parse("permissions", input.text("permissions").orElse("view")));
        String subject =
                check.take(() -> Texts.optional("subject", input.text("subject").orElse(null), 200));
        check.done();
        return new AccountUser(
                UUID.randomUUID(), accountId, name, email, phone, "active", permissions, subject, now, by, now, by);
    }

    /** The fields user.update changes, by name; at least one. */
    private static Map<String, Object> changes(ActionInput input) {
        var check = new FieldCheck();
        var changes = new LinkedHashMap<String, Object>();
        input.text("name")
                .map(text -> check.take(() -> Texts.required("name", text, 200)))
                .ifPresent(name -> changes.put("name", name));
        input.text("phone")
                .map(text -> check.take(() -> Phones.parse("phone", text)))
                .ifPresent(phone -> changes.put("phone", phone));
        input.text("status").ifPresent(status -> {
            if (UserPermissions.STATUSES.contains(status)) {
                changes.put("status", status);
            } else {
                check.refuse("status", "must be one of active, blocked");
            }
        });
        input.text("permissions")
                .map(text -> check.take(() -> UserPermissions.parse("permissions", text)))
                .ifPresent(permissions -> changes.put("permissions", String.join(",", permissions)));
        input.text("subject")
                .map(text -> check.take(() -> Texts.required("subject", text, 200)))
                .ifPresent(subject -> changes.put("subject", subject));
        check.done();
        if (changes.isEmpty()) {
            throw InvalidInput.of("name", "give at least one field to change");
        }
        return changes;
    }

    private static List<String> permissions(Map<String, Object> changes, List<String> current) {
        Object changed = changes.get("permissions");
        return changed == null ? current : List.of(((String) changed).split(","));
    }
}
