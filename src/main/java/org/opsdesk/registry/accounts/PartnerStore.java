package org.opsdesk.registry.accounts;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.Stamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners in {@code registry.partner}; one live row per party and account. */
@Repository
public class PartnerStore {

    private static final String COLUMNS = "id, account_id, party_kind, party_id, share_percent, created_at, created_by";

    private final JdbcClient jdbc;

    PartnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Partner> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.partner where id = ? and deleted_at is null")
                .param(id)
                .query(PartnerStore::partner)
                .optional();
    }

    public List<Partner> of(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from registry.partner where account_id = ? and deleted_at is null"
                        + " order by created_at, id limit 100")
                .param(accountId)
                .query(PartnerStore::partner)
                .list();
    }

    boolean isPartner(UUID accountId, UUID partyId) {
        return jdbc.sql("select exists (select 1 from registry.partner where account_id = ? and party_id = ? and"
                        + " deleted_at is null)")
                .params(accountId, partyId)
                .query(Boolean.class)
                .single();
    }

    /** The shares of the account's live partners other than {@code except}, summed. */
    BigDecimal sharesBesides(UUID accountId, @Nullable UUID except) {
        return jdbc.sql("select coalesce(sum(share_percent), 0) from registry.partner where account_id = ? and"
                        + " deleted_at is null and id is distinct from ?")
                .params(accountId, except)
                .query(BigDecimal.class)
                .single();
    }

    /** Inserts a partner; false when the party is a live partner of the account already. */
    boolean insert(Partner partner, Stamp stamp) {
        return jdbc.sql("insert into registry.partner (" + COLUMNS + ", updated_at, updated_by)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (account_id, party_kind, party_id) where deleted_at is null do nothing")
                        .params(
                                partner.id(),
                                partner.accountId(),
                                partner.partyKind(),
                                partner.partyId(),
                                partner.sharePercent(),
                                ts(stamp.at()),
                                stamp.by(),
                                ts(stamp.at()),
                                stamp.by())
                        .update()
                == 1;
    }

    void setShare(UUID id, @Nullable BigDecimal share, Stamp stamp) {
        jdbc.sql("update registry.partner set share_percent = ?, updated_at = ?, updated_by = ? where id = ?")
                .params(share, ts(stamp.at()), stamp.by(), id)
                .update();
    }

    static Partner partner(ResultSet rs, int row) throws SQLException {
        return new Partner(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("party_kind"),
                rs.getObject("party_id", UUID.class),
                rs.getBigDecimal("share_percent"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
