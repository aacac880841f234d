package org.opsdesk.access.operators;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessConflict;
import org.opsdesk.access.EscalationRefused;
import org.opsdesk.access.Grants;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.roles.Role;
import org.opsdesk.access.roles.RoleAdministration;
import org.opsdesk.access.roles.RoleStore;
import org.opsdesk.access.signin.OperatorSessions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Everything an administrator does to operators, each checked and written to the security log in the same
 * transaction. The rules against escalation: you only give roles whose permissions you hold, you only manage
 * operators who hold no more than you, you never change your own roles, disable or delete yourself, and the last
 * active admin stays.
 */
@Service
public class OperatorAdministration {

    /** Profile fields a caller sets; null fields of an update stay as they are. */
    public record OperatorDraft(
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String locale,
            @Nullable List<String> roles) {}

    /** The outcome of a password reset; {@code temporaryPassword} only when Opsdesk generated it. */
    public record PasswordReset(Operator operator, @Nullable String temporaryPassword) {}

    private final OperatorStore operators;
    private final RoleStore roles;
    private final RoleAdministration roleAdministration;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final SecurityLog securityLog;
    private final JdbcClient jdbc;
    private final OperatorSessions sessions;
    private final Clock clock;

    OperatorAdministration(
            OperatorStore operators,
            RoleStore roles,
            RoleAdministration roleAdministration,
            PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder,
            SecurityLog securityLog,
            JdbcClient jdbc,
            OperatorSessions sessions,
            Clock clock) {
        this.operators = operators;
        this.roles = roles;
        this.roleAdministration = roleAdministration;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.securityLog = securityLog;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock;
    }

    public List<Operator> list(@Nullable String after, int limit, boolean includeDeleted) {
        return operators.list(after, limit, includeDeleted);
    }

    public Operator get(String username) {
        return operators.find(username).orElseThrow(() -> new NotFound("operator", username));
    }

    @Transactional
    public Operator create(String username, String password, OperatorDraft draft, Actor actor) {
        List<String> roleNames = Objects.requireNonNull(draft.roles());
        roleAdministration.requireExisting("roles", roleNames);
        Grants.requireHeld(actor, roles.permissionsOf(roleNames));
        passwordPolicy.problem(password, username).ifPresent(problem -> {
            throw InvalidInput.of("password", problem);
        });
        Instant now = clock.instant();
        var operator = new Operator(
                UUID.randomUUID(),
                username,
                Objects.requireNonNull(draft.displayName()),
                draft.email(),
                draft.phone(),
                draft.locale() == null ? "en" : draft.locale(),
                roleNames,
                true,
                false,
                null,
                now,
                now,
                null,
                null);
        if (!operators.insert(operator, passwordEncoder.encode(password))) {
            throw new AccessConflict(
                    "operator-exists",
                    "Operator exists",
                    "the username '" + username + "' is taken (usernames of deleted operators stay taken)");
        }
        operators.requirePasswordChange(operator.id()); // the administrator knows it
        securityLog.record(
                SecurityEvents.OPERATOR_CREATED,
                actor,
                SecurityLog.operator(username),
                Map.of("roles", roleNames, "locale", operator.locale()));
        return operator;
    }

    @Transactional
    public Operator update(String username, OperatorDraft draft, Actor actor) {
        Operator current = lockManageable(username, actor);
        List<String> newRoles = draft.roles() == null ? current.roles() : draft.roles();
        boolean rolesChanged = !new HashSet<>(newRoles).equals(new HashSet<>(current.roles()));
        if (rolesChanged) {
            if (isSelf(actor, username)) {
                throw new EscalationRefused("you cannot change your own roles; ask another administrator");
            }
            roleAdministration.requireExisting("roles", newRoles);
            Grants.requireHeld(actor, roles.permissionsOf(newRoles));
            if (current.roles().contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
                keepLastAdmin(current, "take the admin role from");
            }
        }
        var updated = new Operator(
                current.id(),
                username,
                draft.displayName() == null ? current.displayName() : draft.displayName(),
                draft.email() == null ? current.email() : draft.email(),
                draft.phone() == null ? current.phone() : draft.phone(),
                draft.locale() == null ? current.locale() : draft.locale(),
                newRoles,
                current.enabled(),
                current.mfaEnabled(),
                current.lockedUntil(),
                current.createdAt(),
                clock.instant(),
                current.lastLoginAt(),
                current.deletedAt());
        operators.updateProfile(updated, clock.instant());
        var details = new java.util.TreeMap<String, Object>();
        details.put("rolesBefore", current.roles());
        details.put("rolesAfter", newRoles);
        details.put("displayName", updated.displayName());
        details.put("locale", updated.locale());
        securityLog.record(SecurityEvents.OPERATOR_UPDATED, actor, SecurityLog.operator(username), details);
        return updated;
    }

    @Transactional
    public Operator disable(String username, Actor actor) {
        Operator current = lockManageable(username, actor);
        refuseSelf(actor, username, "disable");
        keepLastAdmin(current, "disable");
        operators.setEnabled(current.id(), false, clock.instant());
        endSessionsAfterCommit(username);
        securityLog.record(SecurityEvents.OPERATOR_DISABLED, actor, SecurityLog.operator(username), Map.of());
        return get(username);
    }

    @Transactional
    public Operator enable(String username, Actor actor) {
        Operator current = lockManageable(username, actor);
        operators.setEnabled(current.id(), true, clock.instant());
        securityLog.record(SecurityEvents.OPERATOR_ENABLED, actor, SecurityLog.operator(username), Map.of());
        return get(username);
    }

    /** Soft delete: the row (and the name history shows) stays, the operator can do nothing any more. */
    @Transactional
    public void delete(String username, Actor actor) {
        Operator current = lockManageable(username, actor);
        refuseSelf(actor, username, "delete");
        keepLastAdmin(current, "delete");
        operators.markDeleted(current.id(), clock.instant());
        endSessionsAfterCommit(username);
        securityLog.record(
                SecurityEvents.OPERATOR_DELETED,
                actor,
                SecurityLog.operator(username),
                Map.of("roles", current.roles()));
    }

    /**
     * Sets the given password, or generates a temporary one returned once; other sessions end, and the operator
     * must choose their own password at the next sign-in.
     */
    @Transactional
    public PasswordReset resetPassword(String username, @Nullable String password, Actor actor) {
        Operator current = lockManageable(username, actor);
        String temporary = password == null ? generatedPassword() : null;
        String chosen = password == null ? temporary : password;
        passwordPolicy.problem(chosen, username).ifPresent(problem -> {
            throw InvalidInput.of("password", problem);
        });
        operators.setTemporaryPassword(current.id(), passwordEncoder.encode(chosen), clock.instant());
        endSessionsAfterCommit(username);
        securityLog.record(
                SecurityEvents.PASSWORD_RESET,
                actor,
                SecurityLog.operator(username),
                Map.of("generated", password == null));
        return new PasswordReset(get(username), temporary);
    }

    @Transactional
    public Operator resetMfa(String username, Actor actor) {
        Operator current = lockManageable(username, actor);
        operators.resetMfa(current.id(), clock.instant());
        endSessionsAfterCommit(username);
        securityLog.record(
                SecurityEvents.MFA_RESET,
                actor,
                SecurityLog.operator(username),
                Map.of("hadMfa", current.mfaEnabled()));
        return get(username);
    }

    /**
     * Lifts the account's sign-in locks. The way back in for an operator without a second factor (a soft lock is
     * passed by password plus code, which they do not have) and for one locked hard after failed codes, without
     * waiting for the lock to end. Recorded with what was lifted.
     */
    @Transactional
    public Operator unlock(String username, Actor actor) {
        Operator current = lockManageable(username, actor);
        Instant now = clock.instant();
        operators.unlock(current.id(), now);
        securityLog.record(
                SecurityEvents.ACCOUNT_UNLOCKED,
                actor,
                SecurityLog.operator(username),
                Map.of(
                        "wasLocked",
                        current.lockedUntil() != null && current.lockedUntil().isAfter(now)));
        return get(username);
    }

    /** The operator, locked, provided the actor holds everything the operator holds. */
    private Operator lockManageable(String username, Actor actor) {
        Operator operator = operators
                .lock(username)
                .filter(o -> !o.deleted())
                .orElseThrow(() -> new NotFound("operator", username));
        if (!isSelf(actor, username)) {
            try {
                Grants.requireHeld(actor, roles.permissionsOf(operator.roles()));
            } catch (EscalationRefused refused) {
                throw new EscalationRefused(
                        "'" + username + "' holds permissions you do not hold; only someone holding them may"
                                + " manage this operator");
            }
        }
        return operator;
    }

    private void keepLastAdmin(Operator operator, String what) {
        if (!operator.roles().contains(Role.ADMIN) || !operator.active()) {
            return;
        }
        // Serialises every change that could remove an admin, so two admins can't disable each other at once.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('access.last-admin'))")
                .query()
                .singleRow();
        if (operators.countActiveWithRole(Role.ADMIN) <= 1) {
            throw new AccessConflict(
                    "last-admin",
                    "Last administrator",
                    "you cannot " + what + " the last active administrator; make someone else admin first");
        }
    }

    /**
     * Sessions end at once on every node once the change commits. (Were this to fail, each node would still end
     * them on their next request, which compares the session's start with {@code sessions_valid_after}.)
     */
    private void endSessionsAfterCommit(String username) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.endAll(username);
            }
        });
    }

    private static void refuseSelf(Actor actor, String username, String what) {
        if (isSelf(actor, username)) {
            throw new EscalationRefused("you cannot " + what + " yourself; ask another administrator");
        }
    }

    private static boolean isSelf(Actor actor, String username) {
        return actor.kind() == Actor.Kind.OPERATOR && actor.id().equals(username);
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
