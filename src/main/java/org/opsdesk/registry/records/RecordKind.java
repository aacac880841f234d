package org.opsdesk.registry.records;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of soft-deleted registry records, with the table each lives in and what names a row of it on the
 * deleted-records page. The only source of table names in dynamic SQL: nothing a caller sends reaches it.
 *
 * @param kind the kind as the actions and the API name it
 * @param table the table, qualified by its schema
 * @param label an SQL expression over the row that names it for people
 * @param parent the kind whose record must be live for this one to be restored, with the column holding its id
 */
public enum RecordKind {
    PERSON("person", "registry.person", "name || ' (' || document_number || ')'", null, null),
    COMPANY("company", "registry.company", "name || ' (' || document_number || ')'", null, null),
    ACCOUNT("account", "registry.account", "'account ' || number", null, null),
    SUB_ACCOUNT("sub-account", "registry.sub_account", "kind || ' ' || name", "account", "account_id"),
    PARTNER("partner", "registry.partner", "'partner ' || party_kind || ' ' || party_id", "account", "account_id"),
    USER("user", "registry.account_user", "name || ' <' || email || '>'", "account", "account_id"),
    DEVICE("device", "registry.device", "label || ' (' || platform || ')'", "user", "user_id"),
    PIX_KEY("pix-key", "registry.pix_key", "key_type || ' ' || key_value", "account", "account_id"),
    DOCUMENT("document", "registry.document", "file_name", "account", "account_id");

    private final String kind;
    private final String table;
    private final String label;
    private final String parentKind;
    private final String parentColumn;

    RecordKind(String kind, String table, String label, String parentKind, String parentColumn) {
        this.kind = kind;
        this.table = table;
        this.label = label;
        this.parentKind = parentKind;
        this.parentColumn = parentColumn;
    }

    public String kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    public String label() {
        return label;
    }

    /** The kind of record this one belongs to and must be live to be restored, if any. */
    public Optional<RecordKind> parent() {
        return parentKind == null ? Optional.empty() : of(parentKind);
    }

    public String parentColumn() {
        return parentColumn;
    }

    public static Optional<RecordKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
