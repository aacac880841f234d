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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    /** One handler per deletable kind: each declaration has exactly one. */
    @Configuration(proxyBeanMethods = false)
    static class Declared {

        @Bean
        RecordDeletion personDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("person.delete", RecordKind.PERSON, d, g, c);
        }

        @Bean
        RecordDeletion companyDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("company.delete", RecordKind.COMPANY, d, g, c);
        }

        @Bean
        RecordDeletion accountDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("account.delete", RecordKind.ACCOUNT, d, g, c);
        }

        @Bean
        RecordDeletion subAccountDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("sub-account.delete", RecordKind.SUB_ACCOUNT, d, g, c);
        }

        @Bean
        RecordDeletion partnerDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("partner.delete", RecordKind.PARTNER, d, g, c);
        }

        @Bean
        RecordDeletion accountUserDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("account-user.delete", RecordKind.USER, d, g, c);
        }

        @Bean
        RecordDeletion deviceDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("device.delete", RecordKind.DEVICE, d, g, c);
        }

        @Bean
        RecordDeletion documentDeletion(SoftDeletes d, DeletionGuards g, Clock c) {
            return new RecordDeletion("document.delete", RecordKind.DOCUMENT, d, g, c);
        }
    }
}
