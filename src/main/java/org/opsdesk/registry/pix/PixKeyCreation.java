package org.opsdesk.registry.pix;

import java.time.Clock;
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
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.PersonStore;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.validation.PixKeys;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code pix-key.create}: a Pix key for an active account, format-checked and unique among live keys. As the
 * DICT rules have it, a CPF or CNPJ key is the holder's own document, and an account has at most 5 keys (a
 * personal one) or 20 (a business one). A random key is generated when none is given.
 */
@Component
class PixKeyCreation extends RegistryAction {

    static final int PERSONAL_MAX = 5;
    static final int BUSINESS_MAX = 20;

    private final AccountRecords accounts;
    private final PixKeyStore keys;
    private final PersonStore persons;
    private final CompanyStore companies;
    private final Clock clock;

    PixKeyCreation(
            AccountRecords accounts, PixKeyStore keys, PersonStore persons, CompanyStore companies, Clock clock) {
        super("pix-key.create");
        this.accounts = accounts;
        this.keys = keys;
        this.persons = persons;
        this.companies = companies;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.ACTIVE) ? null : "the account is " + target.state();
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        var key = requested(input);
        if (keys.taken(key.value())) {
            throw InvalidInput.of("key", "this Pix key is registered already");
        }
        if (target != null) {
            accounts.find(UUID.fromString(target.id())).ifPresent(account -> holderOwns(account, key));
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var key = requested(invocation.input());
        var account = accounts.lockActive(targetId(invocation));
        try {
            holderOwns(account, key);
        } catch (InvalidInput e) {
            throw new ActionRefused(e.detail());
        }
        int max = account.business() ? BUSINESS_MAX : PERSONAL_MAX;
        if (keys.activeOf(account.id()) >= max) {
            throw new ActionRefused(
                    "the account has " + max + " Pix keys already, the most a " + account.kind() + " account may have");
        }
        var stored = new PixKey(
                UUID.randomUUID(),
                account.id(),
                key.type(),
                key.value(),
                "active",
                null,
                clock.instant(),
                invocation.maker().principalKey());
        if (!keys.insert(stored)) {
            throw new ActionRefused("this Pix key was registered meanwhile");
        }
        return new Applied(
                account.id().toString(),
                Map.of("pixKey", stored.id().toString(), "type", key.type(), "key", key.value()));
    }

    private record Requested(String type, String value) {}

    private static Requested requested(ActionInput input) {
        String type = input.text("keyType").orElse("");
        var typed = input.text("key").filter(text -> !text.isBlank());
        if (type.equals("random") && typed.isEmpty()) {
            return new Requested(type, UUID.randomUUID().toString());
        }
        String value = PixKeys.parse(
                "keyType",
                type,
                "key",
                typed.orElseThrow(() -> type.isEmpty()
                        ? InvalidInput.of("keyType", "must be one of " + PixKeys.TYPES)
                        : InvalidInput.of("key", "is required for a " + type + " key")));
        return new Requested(type, value);
    }

    /** A CPF or CNPJ key must be the holder's own document. */
    private void holderOwns(Account account, Requested key) {
        if (key.type().equals("cpf")) {
            boolean own = account.holderKind().equals("person")
                    && persons.find(account.holderId())
                            .filter(p -> p.documentType().equals("cpf")
                                    && p.documentNumber().equals(key.value()))
                            .isPresent();
            if (!own) {
                throw InvalidInput.of("key", "a CPF key must be the CPF of the account's holder");
            }
        } else if (key.type().equals("cnpj")) {
            boolean own = account.holderKind().equals("company")
                    && companies
                            .find(account.holderId())
                            .filter(c -> c.documentType().equals("cnpj")
                                    && c.documentNumber().equals(key.value()))
                            .isPresent();
            if (!own) {
                throw InvalidInput.of("key", "a CNPJ key must be the CNPJ of the account's holder");
            }
        }
    }
}
