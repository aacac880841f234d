package org.opsdesk.registry.deleted;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Why a live record may not be deleted now: a person or company still holding live accounts or partnerships, an
 * account not cancelled yet (cancelling is the account's end; deleting only hides a record entered by mistake or
 * past its keeping), a sub-account holding money.
 */
@Component
class DeletionGuards {

    private final JdbcClient jdbc;

    DeletionGuards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nullable
    String refusal(RecordKind kind, UUID id) {
        return switch (kind) {
            case PERSON, COMPANY -> {
                if (exists("select 1 from registry.account where holder_id = ? and deleted_at is null", id)) {
                    yield "the " + kind.kind() + " holds accounts: delete them first";
                }
                yield exists("select 1 from registry.partner where party_id = ? and deleted_at is null", id)
                        ? "the " + kind.kind() + " is a partner of a business account: remove the partnership first"
                        : null;
            }
            case ACCOUNT ->
                exists(
                                "select 1 from registry.account where id = ? and status <> 'cancelled' and deleted_at is"
                                        + " null",
                                id)
                        ? "only a cancelled account may be deleted"
                        : null;
            case SUB_ACCOUNT ->
                exists("select 1 from registry.sub_account where id = ? and balance <> 0 and deleted_at is null", id)
                        ? "the sub-account holds money: sweep it first"
                        : null;
            default -> null;
        };
    }

    private boolean exists(String query, UUID id) {
        return jdbc.sql("select exists (" + query + ")")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
