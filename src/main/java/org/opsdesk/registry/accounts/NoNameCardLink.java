package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code card.link-no-name}: links a no-name (unembossed) card to an active account by its reference. A record
 * only until the cards module arrives (issue 14, part 2), which will take the reference over: nothing is asked of
 * the provider. A card is linked to one live account at most (422 on {@code cardReference}); linking another card
 * replaces the account's.
 */
@Component
class NoNameCardLink extends RegistryAction {

    static final String FIELD = "cardReference";

    private final AccountRecords accounts;
    private final Clock clock;

    NoNameCardLink(AccountRecords accounts, Clock clock) {
        super("card.link-no-name");
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.ACTIVE) ? null : "the account is " + target.state();
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (target != null && accounts.cardLinkedElsewhere(UUID.fromString(target.id()), card(input))) {
            throw InvalidInput.of(FIELD, "this card is linked to another account");
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var account = accounts.lockActive(targetId(invocation));
        String card = card(invocation.input());
        if (accounts.cardLinkedElsewhere(account.id(), card)) {
            throw new ActionRefused("the card " + card + " was linked to another account meanwhile");
        }
        accounts.linkNoNameCard(
                account.id(),
                card,
                new Stamp(clock.instant(), invocation.maker().principalKey()));
        return new Applied(account.id().toString(), Map.of(FIELD, card));
    }

    private static String card(ActionInput input) {
        return input.text(FIELD).orElseThrow(() -> InvalidInput.of(FIELD, "is required"));
    }
}
