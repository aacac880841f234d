package org.opsdesk.operations.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;

/**
 * The one list of a history entry's fields, in the order the chain hashes them: for each, the record component,
 * the {@code operations.history_entry} column and its SQL type, the value that goes into the canonical (hashed)
 * form and the value bound to the column. {@link HistoryChain}'s canonical form and {@link HistoryStore}'s
 * insert are both derived from it, so a field cannot be stored without being hashed, or hashed differently from
 * how every stored chain was. The order and the hashed values are fixed for ever: reordering or reformatting one
 * changes the hash of every entry and stored chains no longer verify.
 */
enum HistoryField {
    OPERATION_ID("operationId", "operation_id", "uuid", e -> e.operationId().toString(), HistoryEntry::operationId),
    SEQ("seq", "seq", "bigint", HistoryEntry::seq),
    KIND("kind", "kind", "text", HistoryEntry::kind),
    AT("at", "at", "timestamptz", e -> e.at().toString(), e -> Sql.ts(e.at())),
    ACTOR_KIND("actorKind", "actor_kind", "text", HistoryEntry::actorKind),
    ACTOR_ID("actorId", "actor_id", "text", HistoryEntry::actorId),
    ACTOR_NAME("actorName", "actor_name", "text", HistoryEntry::actorName),
    FROM_STAGE("fromStage", "from_stage", "text", HistoryEntry::fromStage),
    FROM_STATUS(
            "fromStatus",
            "from_status",
            "text",
            e -> e.fromStatus() == null ? null : e.fromStatus().name()),
    TO_STAGE("toStage", "to_stage", "text", HistoryEntry::toStage),
    TO_STATUS("toStatus", "to_status", "text", e -> e.toStatus().name()),
    REASON("reason", "reason", "text", HistoryEntry::reason),
    COMMENT("comment", "comment", "text", HistoryEntry::comment),
    OVERRIDE("override", "override", "boolean", HistoryEntry::override),
    CHANGES("changesJson", "changes", "text", HistoryEntry::changesJson),
    REQUEST_ID("requestId", "request_id", "text", HistoryEntry::requestId),
    /** The link to the entry before: outside the hashed content, which the hash chains to it instead. */
    PREVIOUS_HASH("previousHash", "previous_hash", "bytea", null, HistoryEntry::previousHash),
    /** The hash itself, over the previous hash and the hashed content. */
    HASH("hash", "hash", "bytea", null, HistoryEntry::hash);

    private final String component;
    private final String column;
    private final String sqlType;
    private final @Nullable Function<HistoryEntry, @Nullable Object> hashed;
    private final Function<HistoryEntry, @Nullable Object> stored;

    /** A field hashed and stored as the same value. */
    HistoryField(String component, String column, String sqlType, Function<HistoryEntry, @Nullable Object> value) {
        this(component, column, sqlType, value, value);
    }

    HistoryField(
            String component,
            String column,
            String sqlType,
            @Nullable Function<HistoryEntry, @Nullable Object> hashed,
            Function<HistoryEntry, @Nullable Object> stored) {
        this.component = component;
        this.column = column;
        this.sqlType = sqlType;
        this.hashed = hashed;
        this.stored = stored;
    }

    /** The {@link HistoryEntry} component this field is. */
    String component() {
        return component;
    }

    boolean isHashed() {
        return hashed != null;
    }

    /** The entry's canonical content: the hashed fields' values, in this order. */
    static List<@Nullable Object> hashedValues(HistoryEntry entry) {
        var values = new ArrayList<@Nullable Object>();
        for (HistoryField field : values()) {
            if (field.hashed != null) {
                values.add(field.hashed.apply(entry));
            }
        }
        return values;
    }

    /** The values bound to {@link #insertSelecting}'s placeholders. */
    static List<@Nullable Object> storedValues(HistoryEntry entry) {
        var values = new ArrayList<@Nullable Object>();
        for (HistoryField field : values()) {
            values.add(field.stored.apply(entry));
        }
        return values;
    }

    /**
     * {@code insert into operations.history_entry (...) select * from unnest(?::text[]::uuid[], ...)}: many entries
     * in one statement, each column bound as one text array ({@link #textColumns}).
     */
    static String insertUnnest() {
        String columns = Arrays.stream(values()).map(f -> f.column).collect(Collectors.joining(", "));
        String arrays = Arrays.stream(values())
                .map(f -> "?::text[]::" + f.sqlType + "[]")
                .collect(Collectors.joining(", "));
        return "insert into operations.history_entry (" + columns + ") select * from unnest(" + arrays + ")";
    }

    /** The entries' stored values, column by column, as text (bytea in hex), for {@link #insertUnnest}. */
    static List<String[]> textColumns(List<HistoryEntry> entries) {
        var columns = new ArrayList<String[]>();
        for (HistoryField field : values()) {
            var column = new String[entries.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = Sql.text(field.stored.apply(entries.get(i)));
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * {@code insert into operations.history_entry (...) select ?::uuid, ... from <source>}: one entry, written only
     * if {@code source} (a CTE's result) has a row. The casts type the placeholders, a select list having no
     * column to infer them from.
     */
    static String insertSelecting(String source) {
        String columns = Arrays.stream(values()).map(f -> f.column).collect(Collectors.joining(", "));
        String values = Arrays.stream(values()).map(f -> "?::" + f.sqlType).collect(Collectors.joining(", "));
        return "insert into operations.history_entry (" + columns + ") select " + values + " from " + source;
    }
}
