package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code account.set-night-limit-start}: the hour from which the account's night-time limits apply. The Central
 * Bank's Pix rules (Resolução BCB 1/2020 as amended) let the client move the start of the night period between
 * 20:00 and 22:00; the window is configurable ({@code opsdesk.registry.night-limit.earliest-hour} and {@code
 * latest-hour}, default 20 and 22) for institutions under other rules.
 */
@Component
class NightLimitStart extends RegistryAction {

    private final AccountRecords accounts;
    private final Clock clock;
    private final int earliest;
    private final int latest;

    NightLimitStart(
            AccountRecords accounts,
            Clock clock,
            @Value("${opsdesk.registry.night-limit.earliest-hour:20}") int earliest,
            @Value("${opsdesk.registry.night-limit.latest-hour:22}") int latest) {
        super("account.set-night-limit-start");
        if (earliest < 0 || latest > 23 || earliest > latest) {
            throw new IllegalStateException("opsdesk.registry.night-limit: the earliest hour (" + earliest
                    + ") must not be after the latest (" + latest + "), both within 0–23");
        }
        this.accounts = accounts;
        this.clock = clock;
        this.earliest = earliest;
        this.latest = latest;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        hour(input);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        int hour = hour(invocation.input());
        var account = accounts.lockUncancelled(targetId(invocation));
        accounts.setNightStartsAt(
                account.id(),
                hour,
                new Stamp(clock.instant(), invocation.maker().principalKey()));
        return new Applied(account.id().toString(), Map.of("nightStartsAt", String.valueOf(hour)));
    }

    private int hour(ActionInput input) {
        long hour = input.integer("hour").orElseThrow(() -> InvalidInput.of("hour", "is required"));
        if (hour < earliest || hour > latest) {
            throw InvalidInput.of(
                    "hour", "the night period may start between " + earliest + ":00 and " + latest + ":00 only");
        }
        return (int) hour;
    }
}
