package org.opsdesk.registry.deleted;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RecordKind;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.SoftDeletes;
import org.opsdesk.registry.records.Targets;
import org.opsdesk.shared.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code record.restore}: brings a soft-deleted record back, with a reason. Its target kind is {@code
 * deleted-record} — any kind's deleted row by its id (ids are UUIDs, so one table at most has it) — since every
 * other kind's lookup finds live records only.
 */
@Configuration(proxyBeanMethods = false)
class RecordRestore {

    @Bean
    ActionTargets deletedRecordsAsTargets(SoftDeletes deletes, DeletedRecords deleted) {
        return Targets.of("deleted-record", id -> deletes.deletedKindOf(id)
                .flatMap(kind -> deleted.find(kind, id))
                .map(record -> new ActionTarget(
                        "deleted-record",
                        record.id().toString(),
                        record.id().toString(),
                        "deleted",
                        null,
                        Map.of(
                                "recordKind",
                                record.kind(),
                                "label",
                                record.label(),
                                "deletedBy",
                                record.deletedBy()))));
    }

    @Bean
    RegistryAction recordRestoration(SoftDeletes deletes) {
        return new RegistryAction("record.restore") {
            @Override
            public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
                return null;
            }

            @Override
            public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
                var target = target(invocation);
                Optional<RecordKind> kind = RecordKind.of(target.facts().getOrDefault("recordKind", ""));
                if (kind.isEmpty()) {
                    throw new ActionRefused("not a registry record");
                }
                deletes.restore(kind.get(), targetId(invocation));
                return new Applied(target.id(), Map.of("restored", kind.get().kind()));
            }
        };
    }
}
