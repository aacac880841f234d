package org.opsdesk.exchange.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes, disables and enables the office's bank accounts, each change recorded with the values before and
 * after in the same transaction. The first enabled account of a currency that receives (or pays) becomes that
 * currency's default for it; a currency has at most one default per direction, and moving it is recorded on both
 * accounts. Accounts are never deleted: orders and statements refer to them.
 */
@Service
public class BankAccounts {

    private final BankAccountStore accounts;
    private final BankAccountChangeLog changes;
    private final Currencies currencies;
    private final JdbcClient jdbc;
    private final Clock clock;

    BankAccounts(
            BankAccountStore accounts,
            BankAccountChangeLog changes,
            Currencies currencies,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.currencies = currencies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds an account as the API does, from its typed fields (an IBAN or a domestic number with a BIC); 422 naming
     * the field, or a duplicate.
     */
    @Transactional
    public BankAccount create(
            String bankName,
            @Nullable String bic,
            @Nullable String iban,
            @Nullable String accountNumber,
            String currency,
            String purpose,
            Actor actor) {
        return create(new BankAccountDraft(bankName, bic, iban, accountNumber, currency, purpose), actor);
    }

    @Transactional
    BankAccount create(BankAccountDraft draft, Actor actor) {
        ValidAccount valid = draft.validate(currencies);
        lockCurrency(valid.currency());
        UUID id = UUID.randomUUID();
        boolean defaultIncoming = valid.purpose().receives() && !accounts.hasDefault(valid.currency(), true);
        boolean defaultPayout = valid.purpose().pays() && !accounts.hasDefault(valid.currency(), false);
        if (!accounts.insert(valid, id, defaultIncoming, defaultPayout, actor.principalKey(), clock.instant())) {
            throw duplicate(valid);
        }
        BankAccount stored = get(id);
        changes.record("created", actor, null, stored);
        return stored;
    }

    @Transactional
    BankAccount update(UUID id, AccountEdit edit, Actor actor) {
        BankAccount before = locked(id);
        lockCurrency(before.currency());
        var errors = new ArrayList<FieldError>();
        String name = null;
        Purpose purpose = null;
        try {
            name = BankAccountDraft.bankName(edit.bankName());
        } catch (InvalidInput refused) {
            errors.addAll(refused.errors());
        }
        try {
            purpose = Purpose.parse("purpose", edit.purpose());
        } catch (InvalidInput refused) {
            errors.addAll(refused.errors());
        }
        if (purpose != null) {
            checkDefaults(before.active(), purpose, edit, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (edit.defaultIncoming() && !before.defaultIncoming()) {
            takeDefaultFromOthers(before, true, actor);
        }
        if (edit.defaultPayout() && !before.defaultPayout()) {
            takeDefaultFromOthers(before, false, actor);
        }
        BankAccount after = before.edited(name, purpose, edit.defaultIncoming(), edit.defaultPayout(), before.active());
        return save("updated", before, after, actor);
    }

    /** Stops using an account: pairing no longer picks it, and it is no longer a default. Kept, never deleted. */
    @Transactional
    BankAccount disable(UUID id, Actor actor) {
        BankAccount before = locked(id);
        if (!before.active()) {
            return before;
        }
        return save("disabled", before, before.edited(before.bankName(), before.purpose(), false, false, false), actor);
    }

    @Transactional
    BankAccount enable(UUID id, Actor actor) {
        BankAccount before = locked(id);
        if (before.active()) {
            return before;
        }
        return save(
                "enabled",
                before,
                before.edited(
                        before.bankName(), before.purpose(), before.defaultIncoming(), before.defaultPayout(), true),
                actor);
    }

    public BankAccount get(UUID id) {
        return accounts.find(id).orElseThrow(() -> notFound(id));
    }

    /** A page of accounts, by currency then bank, after a position (from the start when null). */
    public List<BankAccount> list(@Nullable String currency, BankAccountStore.@Nullable Position after, int limit) {
        return accounts.list(currency, after, limit);
    }

    /** Who changed an account how, newest first. */
    List<BankAccountChangeLog.Entry> changes(UUID id, int limit) {
        return changes.recent(id, limit);
    }

    private static void checkDefaults(boolean active, Purpose purpose, AccountEdit edit, List<FieldError> errors) {
        if (edit.defaultIncoming() && !(active && purpose.receives())) {
            errors.add(new FieldError("defaultIncoming", FieldReason.DEFAULT_INCOMING.english()));
        }
        if (edit.defaultPayout() && !(active && purpose.pays())) {
            errors.add(new FieldError("defaultPayout", FieldReason.DEFAULT_PAYOUT.english()));
        }
    }

    private void takeDefaultFromOthers(BankAccount account, boolean incoming, Actor actor) {
        accounts.lockDefault(account.currency(), incoming, account.id())
                .ifPresent(previous -> save(
                        "default_moved",
                        previous,
                        incoming
                                ? previous.withDefaults(false, previous.defaultPayout())
                                : previous.withDefaults(previous.defaultIncoming(), false),
                        actor));
    }

    private BankAccount save(String action, BankAccount before, BankAccount after, Actor actor) {
        accounts.update(after, clock.instant(), actor.principalKey());
        BankAccount stored = get(after.id());
        changes.record(action, actor, before, stored);
        return stored;
    }

    /**
     * Serialises changes to one currency's accounts, so that two people choosing a default at once (or adding its
     * first accounts) cannot both win: the partial unique indexes would refuse the second with a server error.
     */
    private void lockCurrency(String currency) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('exchange.bank_account:' || ?, 0))")
                .param(currency)
                .query((rs, n) -> 1)
                .list();
    }

    private BankAccount locked(UUID id) {
        return accounts.lock(id).orElseThrow(() -> notFound(id));
    }

    private RuntimeException duplicate(ValidAccount valid) {
        var refusal = InvalidInput.of(valid.numberField(), FieldReason.DUPLICATE.english());
        accounts.idOfNumber(valid.number()).ifPresent(existing -> refusal.with("existingId", existing.toString()));
        return refusal;
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("bank account", id.toString());
    }
}
