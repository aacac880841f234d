package org.opsdesk.registry.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.notifications.ClientPushes;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code account.send-push}: a push message to the account's users, only while the tenant's messaging feature is on
 * ({@link TenantMessaging}). Each active user linked to the client directory (their {@code subject}) gets one
 * push, queued through {@code notifications}' {@link ClientPushes} in the invocation's transaction — the delivery
 * engine sends it after the commit, retries it and records every attempt on the invocation's operation. Nobody is
 * pretended to: a blocked user, a user not linked to the directory, and a client without a push token or consent
 * are skipped, each with the reason, in the operation's applied changes (the last also as a skipped delivery).
 * Users sharing a subject get one push. The holder is messaged only as a user: the account's {@code subject} is
 * not a fallback, since a push meant for a user must not reach someone else.
 */
@Component
class PushToUsers extends RegistryAction {

    /** The longest list of skipped users the operation's history keeps; the counts are always whole. */
    private static final int SKIPPED_TEXT_MAX = 500;

    private static final String NO_USERS = "the account has no users to message";

    private static final String OPERATION_TYPE = ActionDefinition.operationTypeOf("account");

    private final AccountRecords accounts;
    private final UserStore users;
    private final ClientPushes pushes;
    private final TenantMessaging messaging;

    PushToUsers(AccountRecords accounts, UserStore users, ClientPushes pushes, TenantMessaging messaging) {
        super("account.send-push");
        this.accounts = accounts;
        this.users = users;
        this.pushes = pushes;
        this.messaging = messaging;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return messaging.isOn() ? null : TenantMessaging.OFF;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (target != null && users.allOf(UUID.fromString(target.id())).isEmpty()) {
            throw new ActionRefused(NO_USERS); // before anything is stored
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var account = accounts.lockUncancelled(targetId(invocation));
        if (!messaging.isOn()) {
            throw new ActionRefused(TenantMessaging.OFF);
        }
        var recipients = users.allOf(account.id());
        if (recipients.isEmpty()) {
            throw new ActionRefused(NO_USERS);
        }
        return pushTo(recipients, invocation, account.id().toString());
    }

    /** One push per subject among the reachable users; what was queued and who was skipped, for the history. */
    private Applied pushTo(List<AccountUser> recipients, Invocation invocation, String accountId) {
        String title = text(invocation.input(), "title");
        String text = text(invocation.input(), "text");
        var pushed = new HashMap<String, ClientPushes.Queued>(); // by subject: users sharing one get one push
        var skipped = new ArrayList<String>();
        for (AccountUser user : recipients) {
            String reason = unreachable(user);
            if (reason == null) {
                reason = pushed.computeIfAbsent(
                                Objects.requireNonNull(user.subject()),
                                subject -> pushes.queue(
                                        invocation.operationId(),
                                        OPERATION_TYPE,
                                        subject,
                                        title,
                                        text,
                                        invocation.maker()))
                        .skipped();
            }
            if (reason != null) {
                skipped.add(user.name() + " (" + reason + ")");
            }
        }
        long queued =
                pushed.values().stream().filter(ClientPushes.Queued::queued).count();
        return new Applied(
                accountId,
                Map.of(
                        "pushesQueued", String.valueOf(queued),
                        "usersSkipped", String.valueOf(skipped.size()),
                        "skippedUsers", listed(skipped)));
    }

    /** Why the user gets no push of their own, before the directory is asked; null when they may. */
    private static @Nullable String unreachable(AccountUser user) {
        if (!"active".equals(user.status())) {
            return "user " + user.status();
        }
        return user.subject() == null ? "not linked to the client directory" : null;
    }

    private static String listed(List<String> skipped) {
        if (skipped.isEmpty()) {
            return "none";
        }
        var text = new StringBuilder();
        for (int i = 0; i < skipped.size(); i++) {
            String next = (i == 0 ? "" : "; ") + skipped.get(i);
            if (text.length() + next.length() > SKIPPED_TEXT_MAX) {
                return text + "; and " + (skipped.size() - i) + " more";
            }
            text.append(next);
        }
        return text.toString();
    }

    private static String text(ActionInput input, String field) {
        return input.text(field).orElseThrow(() -> InvalidInput.of(field, "is required"));
    }
}
