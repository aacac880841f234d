package org.opsdesk.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opsdesk.workflow.loading.WorkflowVersionStore;

/**
 * The workflow definitions in force: the current version of each type for new operations, and every earlier
 * version for operations created under it.
 */
public class Workflows {

    private record TypeVersion(String type, int version) {}

    private final Map<String, WorkflowDefinition> current;
    /** Asked on every request (permission gate, visible types), so sorted once: the current set never changes. */
    private final List<WorkflowDefinition> currentSorted;

    private final WorkflowVersionStore versions;
    private final Map<TypeVersion, WorkflowDefinition> byTypeAndVersion = new ConcurrentHashMap<>();

    public Workflows(Map<String, WorkflowDefinition> current, WorkflowVersionStore versions) {
        this.current = Map.copyOf(current);
        this.currentSorted = this.current.values().stream()
                .sorted(java.util.Comparator.comparing(WorkflowDefinition::type))
                .toList();
        this.versions = versions;
        current.values()
                .forEach(definition -> byTypeAndVersion.put(key(definition.type(), definition.version()), definition));
    }

    /** The definition new operations of this type are created under. */
    public Optional<WorkflowDefinition> current(String type) {
        return Optional.ofNullable(current.get(type));
    }

    /** The definition an existing operation follows. Versions are immutable, so they are cached once read. */
    public WorkflowDefinition version(String type, int version) {
        return byTypeAndVersion.computeIfAbsent(key(type, version), k -> versions.load(type, version)
                .orElseThrow(() -> new IllegalStateException("workflow " + type + " v" + version + " is not stored")));
    }

    public Collection<WorkflowDefinition> all() {
        return currentSorted;
    }

    private static TypeVersion key(String type, int version) {
        return new TypeVersion(type, version);
    }
}
