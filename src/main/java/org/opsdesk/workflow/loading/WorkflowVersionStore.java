package org.opsdesk.workflow.loading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opsdesk.workflow.WorkflowDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each distinct definition content a version number per type, in PostgreSQL, so that every node and every
 * restart agree on it, and reads earlier versions back for operations created under them.
 */
public class WorkflowVersionStore {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public WorkflowVersionStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Records the definitions (unversioned) and returns them with the versions they are known under. */
    public Map<String, WorkflowDefinition> register(
            Map<String, WorkflowDefinition> definitions, Map<String, String> locations) {
        return transactions.execute(status -> {
            // Two nodes starting at once must not both claim the next version number.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('workflow.definition_version'))")
                    .query()
                    .singleRow();
            var versioned = new LinkedHashMap<String, WorkflowDefinition>();
            definitions.forEach(
                    (type, definition) -> versioned.put(type, register(definition, locations.getOrDefault(type, "?"))));
            return versioned;
        });
    }

    private WorkflowDefinition register(WorkflowDefinition definition, String location) {
        String json = canonicalJson(definition);
        String checksum = sha256(json);
        Optional<Integer> existing = jdbc.sql(
                        "select version from workflow.definition_version where type = ? and checksum = ?")
                .params(definition.type(), checksum)
                .query(Integer.class)
                .optional();
        if (existing.isPresent()) {
            return definition.withVersion(existing.get());
        }
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from workflow.definition_version where type = ?")
                .param(definition.type())
                .query(Integer.class)
                .single();
        jdbc.sql(
                        "insert into workflow.definition_version (type, version, checksum, definition, source) values (?, ?, ?, ?::jsonb, ?)")
                .params(definition.type(), next, checksum, json, location)
                .update();
        return definition.withVersion(next);
    }

    public Optional<WorkflowDefinition> load(String type, int version) {
        return jdbc.sql("select definition::text from workflow.definition_version where type = ? and version = ?")
                .params(type, version)
                .query(String.class)
                .optional()
                .map(json -> read(json, version));
    }

    /** A stored document back as a definition; documents stored by earlier releases read too. */
    static WorkflowDefinition read(String json, int version) {
        return CANONICAL.readValue(json, WorkflowDocument.class).toDefinition(version);
    }

    /** The canonical JSON that identifies a definition's content. */
    static String canonicalJson(WorkflowDefinition definition) {
        return CANONICAL.writeValueAsString(WorkflowDocument.of(definition));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
