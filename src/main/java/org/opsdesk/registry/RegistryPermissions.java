package org.opsdesk.registry;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/**
 * The permissions of the account registry's reads (changes are actions, each guarded by its own {@code
 * action:<id>}). Personal data: reading is granted to the roles that work with clients and to auditors.
 */
@Component
public final class RegistryPermissions implements PermissionContributor {

    /** Read persons, companies, accounts and their related records, and search across them. */
    public static final String READ = "registry:read";
    /** Download the documents uploaded to accounts (identity papers: narrower than reading the records). */
    public static final String DOCUMENTS = "registry:documents";
    /** List the soft-deleted records with who deleted them, when and why. */
    public static final String DELETED = "registry:deleted";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(READ, "supervisor", "support", "compliance", "auditor"),
                Definition.of(DOCUMENTS, "supervisor", "compliance", "auditor"),
                Definition.of(DELETED, "supervisor", "compliance", "auditor"));
    }
}
