package org.opsdesk.registry.deleted;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RecordKind;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.SoftDeletes;
import org.opsdesk.shared.Actor;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * {@code <kind>.delete}: the registry's soft delete — the record disappears from every read and uniqueness rule,
 * stays in its table with who deleted it, when and the reason, and is listed on the deleted-records page, from
 * where {@code record.restore} brings it back.
 */
class RecordDeletion extends RegistryAction {

    private final RecordKind kind;
    private final SoftDeletes deletes;
    private final DeletionGuards guards;
    private final Clock clock;

    RecordDeletion(String actionId, RecordKind kind, SoftDeletes deletes, DeletionGuards guards, Clock clock) {
        super(actionId);
        this.kind = kind;
        this.deletes = deletes;
        this.guards = guards;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return guards.refusal(kind, UUID.fromString(target.id()));
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        UUID id = targetId(invocation);
        String refusal = guards.refusal(kind, id);
        if (refusal != null) {
            throw new ActionRefused(refusal);
        }
        if (!deletes.delete(kind, id, clock.instant(), invocation.maker().principalKey(), invocation.reason())) {
            throw new ActionRefused("the " + kind.kind() + " was deleted meanwhile");
        }
        return new Applied(id.toString(), Map.of("deleted", "true"));
    }

    /** Registers {@link Handlers}. */
    @Configuration(proxyBeanMethods = false)
    @Import(Handlers.class)
    static class Declared {}

    /**
     * One handler per deletable kind, registered under its action's id: each declaration has exactly one. A Pix key
     * is not deleted but cancelled ({@code pix-key.cancel}).
     */
    static class Handlers implements BeanRegistrar {

        private static final Map<String, RecordKind> KINDS_BY_ACTION = Map.of(
                "person.delete", RecordKind.PERSON,
                "company.delete", RecordKind.COMPANY,
                "account.delete", RecordKind.ACCOUNT,
                "sub-account.delete", RecordKind.SUB_ACCOUNT,
                "partner.delete", RecordKind.PARTNER,
                "account-user.delete", RecordKind.USER,
                "device.delete", RecordKind.DEVICE,
                "document.delete", RecordKind.DOCUMENT);

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            KINDS_BY_ACTION.forEach((actionId, kind) -> registry.registerBean(
                    actionId,
                    RecordDeletion.class,
                    handler -> handler.supplier(beans -> new RecordDeletion(
                            actionId,
                            kind,
                            beans.bean(SoftDeletes.class),
                            beans.bean(DeletionGuards.class),
                            beans.bean(Clock.class)))));
        }
    }
}
