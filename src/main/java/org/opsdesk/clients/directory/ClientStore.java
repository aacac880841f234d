package org.opsdesk.clients.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ClientContact;
import org.opsdesk.clients.Consent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Clients in {@code clients.client}, their consent history in {@code clients.consent} (insert-only: there is no
 * method to change or remove a consent) and the current consents from the {@code clients.current_consent} view.
 */
@Repository
public class ClientStore {

    private final JdbcClient jdbc;

    ClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For the facade: the client and their current consents. */
    public Optional<ClientContact> find(String subject) {
        return stored(subject, false).map(StoredClient::contact);
    }

    Optional<StoredClient> stored(String subject) {
        return stored(subject, false);
    }

    /** Locks the client's row for a change, so concurrent upserts of one subject apply one after the other. */
    Optional<StoredClient> lock(String subject) {
        return stored(subject, true);
    }

    /** Inserts a new client at version 1; false when the subject exists (a concurrent upsert won). */
    boolean insert(ClientDraft draft, Instant at, String by) {
        return jdbc.sql(
                                """
                        insert into clients.client (subject, name, email, phone, phone_verified, locale, push_token,
                            version, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) on conflict (subject) do nothing""")
                        .params(
                                draft.subject(),
                                draft.name(),
                                draft.email(),
                                draft.phone(),
                                draft.phoneVerified(),
                                draft.locale(),
                                draft.pushToken(),
                                ts(at),
                                by,
                                ts(at),
                                by)
                        .update()
                == 1;
    }

    void update(ClientDraft draft, long version, Instant at, String by) {
        jdbc.sql(
                        """
                        update clients.client set name = ?, email = ?, phone = ?, phone_verified = ?, locale = ?,
                            push_token = ?, version = ?, updated_at = ?, updated_by = ?
                        where subject = ?""")
                .params(
                        draft.name(),
                        draft.email(),
                        draft.phone(),
                        draft.phoneVerified(),
                        draft.locale(),
                        draft.pushToken(),
                        version,
                        ts(at),
                        by,
                        draft.subject())
                .update();
    }

    void appendConsent(String subject, Consent consent, Instant recordedAt, String recordedBy) {
        jdbc.sql(
                        """
                        insert into clients.consent (subject, channel, granted, at, source, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        subject,
                        consent.channel().code(),
                        consent.granted(),
                        ts(consent.at()),
                        consent.source(),
                        ts(recordedAt),
                        recordedBy)
                .update();
    }

    /** Every consent recorded for the client, newest first. */
    List<ConsentRecord> consentHistory(String subject) {
        return jdbc.sql("select * from clients.consent where subject = ? order by id desc")
                .param(subject)
                .query((rs, row) -> new ConsentRecord(
                        rs.getLong("id"), consent(rs), instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    /** Up to {@code limit} clients after {@code after} in subject order, with their current consents. */
    List<StoredClient> page(@Nullable String after, int limit) {
        var rows = jdbc.sql(
                        """
                        select * from clients.client where (cast(? as text) is null or subject > ?)
                        order by subject limit ?""")
                .params(after, after, limit)
                .query(ClientStore::row)
                .list();
        var consents = currentConsents(rows.stream().map(Row::subject).toList());
        return rows.stream()
                .map(row -> row.with(consents.getOrDefault(row.subject(), Map.of())))
                .toList();
    }

    private Optional<StoredClient> stored(String subject, boolean forUpdate) {
        var row = jdbc.sql("select * from clients.client where subject = ?" + (forUpdate ? " for update" : ""))
                .param(subject)
                .query(ClientStore::row)
                .optional();
        return row.map(r -> r.with(currentConsents(List.of(subject)).getOrDefault(subject, Map.of())));
    }

    private Map<String, Map<Channel, Consent>> currentConsents(Collection<String> subjects) {
        var bySubject = new HashMap<String, Map<Channel, Consent>>();
        if (subjects.isEmpty()) {
            return bySubject;
        }
        jdbc.sql("select * from clients.current_consent where subject = any(?)")
                .param(subjects.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    Consent consent = consent(rs);
                    bySubject
                            .computeIfAbsent(rs.getString("subject"), s -> new EnumMap<>(Channel.class))
                            .put(consent.channel(), consent);
                });
        return bySubject;
    }

    /** A client row before its consents are attached. */
    private record Row(
            String subject,
            String name,
            @Nullable String email,
            @Nullable String phone,
            boolean phoneVerified,
            String locale,
            @Nullable String pushToken,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {
        StoredClient with(Map<Channel, Consent> consents) {
            return new StoredClient(
                    new ClientContact(
                            subject,
                            name,
                            email,
                            phone,
                            phoneVerified,
                            locale,
                            pushToken,
                            consents,
                            version,
                            updatedAt),
                    createdAt,
                    createdBy,
                    updatedBy);
        }
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getString("subject"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getBoolean("phone_verified"),
                rs.getString("locale"),
                rs.getString("push_token"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static Consent consent(ResultSet rs) throws SQLException {
        return new Consent(
                Channel.ofCode(rs.getString("channel")).orElseThrow(),
                rs.getBoolean("granted"),
                instant(rs, "at"),
                rs.getString("source"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
