package org.opsdesk.registry.records;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Soft delete and restore of any registry record: the row stays, marked with who deleted it, when and why, and
 * every read and uniqueness rule ignores it until it is restored.
 */
@Repository
public class SoftDeletes {

    private final JdbcClient jdbc;

    SoftDeletes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks a live record deleted; false when there is no live record with this id. */
    public boolean delete(RecordKind kind, UUID id, Instant at, String by, @Nullable String reason) {
        return jdbc.sql("update " + kind.table()
                                + " set deleted_at = ?, deleted_by = ?, delete_reason = ? where id = ? and deleted_at"
                                + " is null")
                        .params(ts(at), by, reason, id)
                        .update()
                == 1;
    }

    /**
     * Makes a deleted record live again, refused when the record it belongs to is deleted itself or when a live
     * record took its unique value (a document number, a Pix key) meanwhile.
     */
    public void restore(RecordKind kind, UUID id) {
        if (kind == RecordKind.ACCOUNT && !holderLive(id)) {
            throw new ActionRefused("the account's holder is deleted: restore it first");
        }
        kind.parent().ifPresent(parent -> {
            UUID parentId = jdbc.sql("select " + kind.parentColumn() + " from " + kind.table() + " where id = ?")
                    .param(id)
                    .query(UUID.class)
                    .single();
            if (!live(parent, parentId)) {
                throw new ActionRefused(
                        "the " + parent.kind() + " this " + kind.kind() + " belongs to is deleted: restore it first");
            }
        });
        String unique = sameUniqueValue(kind);
        if (unique != null
                && jdbc.sql("select exists (select 1 from " + kind.table() + " o join " + kind.table()
                                + " d on d.id = ? where o.deleted_at is null and " + unique + ")")
                        .param(id)
                        .query(Boolean.class)
                        .single()) {
            throw takenMeanwhile(kind);
        }
        try {
            int restored = jdbc.sql("update " + kind.table()
                            + " set deleted_at = null, deleted_by = null, delete_reason = null where id = ? and"
                            + " deleted_at is not null")
                    .param(id)
                    .update();
            if (restored != 1) {
                throw new ActionRefused("the " + kind.kind() + " is not deleted");
            }
        } catch (DuplicateKeyException e) {
            throw takenMeanwhile(kind); // a race past the check above; the caller's transaction is lost then
        }
    }

    private static ActionRefused takenMeanwhile(RecordKind kind) {
        return new ActionRefused("a live " + kind.kind() + " has the same unique value now (document number,"
                + " email or Pix key): it cannot be restored beside it");
    }

    /**
     * The condition under which a live row {@code o} holds the unique value of the deleted row {@code d}, per the
     * table's partial unique index; null for kinds without one. Checked before the update, since a violated index
     * would abort the caller's transaction.
     */
    private static @Nullable String sameUniqueValue(RecordKind kind) {
        return switch (kind) {
            case PERSON, COMPANY -> "o.document_type = d.document_type and o.document_number = d.document_number";
            case USER -> "o.account_id = d.account_id and lower(o.email) = lower(d.email)";
            case PARTNER -> "o.account_id = d.account_id and o.party_kind = d.party_kind and o.party_id = d.party_id";
            case PIX_KEY -> "d.status = 'active' and o.status = 'active' and o.key_value = d.key_value";
            default -> null;
        };
    }

    private boolean holderLive(UUID accountId) {
        return jdbc.sql(
                        """
                        select exists (select 1 from registry.account a where a.id = ? and (
                            exists (select 1 from registry.person p where p.id = a.holder_id and p.deleted_at is null)
                            or exists (select 1 from registry.company c where c.id = a.holder_id
                                and c.deleted_at is null)))""")
                .param(accountId)
                .query(Boolean.class)
                .single();
    }

    /** Whether a live record of this kind has this id. */
    public boolean live(RecordKind kind, UUID id) {
        return jdbc.sql("select exists (select 1 from " + kind.table() + " where id = ? and deleted_at is null)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** The kind of the deleted record with this id (ids are UUIDs: one table at most has it). */
    public Optional<RecordKind> deletedKindOf(UUID id) {
        for (RecordKind kind : RecordKind.values()) {
            boolean deleted = jdbc.sql("select exists (select 1 from " + kind.table()
                            + " where id = ? and deleted_at is not null)")
                    .param(id)
                    .query(Boolean.class)
                    .single();
            if (deleted) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
