package org.opsdesk.shared;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a module tells the permission catalog which administrative permissions it defines. Each module publishes
 * its names as constants (e.g. {@code ExportPermissions.RUN}) and registers one bean of this type; the catalog,
 * the role editor and the built-in roles read them from there. A permission's description is the message
 * {@code permission.<name with ':' as '.'>} in the module's bundle, in every console language.
 */
public interface PermissionContributor {

    /** The permissions this module defines, with the built-in roles that hold each one. */
    List<Definition> permissions();

    /**
     * Actions this module defines on every operation type, each a permission {@code <type>:<action>} described by
     * the message {@code permission.type.<action>} with the type as its argument. Which built-in desk role holds
     * them per type is the built-in roles' own rule (the types a desk works).
     */
    default List<String> perTypeActions() {
        return List.of();
    }

    /**
     * One permission: its name ({@code <group>:<action>}) and the built-in roles (by name) that are given it —
     * on a new database and, on every start, on an existing one (grants are added, never taken away).
     *
     * @param descriptionKey the message describing it, when not {@code permission.<name with ':' as '.'>} (the
     *     action catalog describes {@code action:<id>} by the action's title)
     * @param groupKey the message naming the group the role editor shows it in, when not the part before the first
     *     colon (the catalog groups actions by their category)
     */
    record Definition(
            String name, Set<String> builtInRoles, @Nullable String descriptionKey, @Nullable String groupKey) {

        public Definition {
            if (name.indexOf(':') <= 0) {
                throw new IllegalArgumentException("a permission is named <group>:<action>, not " + name);
            }
            builtInRoles = Set.copyOf(builtInRoles);
        }

        /** Described by {@code permission.<name>}, grouped by the part before the first colon. */
        public Definition(String name, Set<String> builtInRoles) {
            this(name, builtInRoles, null, null);
        }

        public static Definition of(String name, String... builtInRoles) {
            return new Definition(name, Set.of(builtInRoles));
        }

        /** The part before the first colon, by which the role editor groups permissions. */
        public String group() {
            return name.substring(0, name.indexOf(':'));
        }

        /** The message key of the description. */
        public String messageKey() {
            return descriptionKey != null ? descriptionKey : "permission." + name.replace(':', '.');
        }
    }
}
