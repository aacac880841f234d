package org.opsdesk.registry.users;

import java.util.UUID;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The {@code userId} input of an account action that acts for one of the account's users at the provider: a live,
 * active user of that account, else 422 on the field (checked before anything is stored) or a refusal (when the
 * user changed before the action is sent).
 */
@Component
class UserOfAccount {

    static final String FIELD = "userId";

    private final UserStore users;

    UserOfAccount(UserStore users) {
        this.users = users;
    }

    /** The user, or 422 on {@code userId}. */
    AccountUser checked(UUID accountId, ActionInput input) {
        var user = input.text(FIELD)
                .flatMap(Texts::pathId)
                .flatMap(users::find)
                .filter(u -> u.accountId().equals(accountId))
                .orElseThrow(() -> InvalidInput.of(FIELD, "is not a user of this account"));
        if (!user.status().equals("active")) {
            throw InvalidInput.of(FIELD, "the user is " + user.status());
        }
        return user;
    }

    /** The user as the action is sent or applied: refused when no longer an active user of the account. */
    AccountUser current(UUID accountId, ActionInput input) {
        try {
            return checked(accountId, input);
        } catch (InvalidInput e) {
            throw new ActionRefused("the user " + input.text(FIELD).orElse("") + " " + e.detail());
        }
    }
}
