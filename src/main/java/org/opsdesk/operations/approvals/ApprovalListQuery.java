package org.opsdesk.operations.approvals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalFilter;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.queue.OperationListQuery;
import org.opsdesk.shared.InvalidInput;

/**
 * The keyset-paginated approvals queue, newest first: every condition a bound parameter, ordered by creation time
 * then id, the cursor carrying the last row's position.
 */
public final class ApprovalListQuery {

    private ApprovalListQuery() {}

    /** The SQL and its parameters, fetching one row more than the limit to know whether a next page exists. */
    public record Query(String sql, List<Object> params) {}

    /**
     * @param visibleTypes the types the caller may view, null for every type
     * @param approvableTypes the types the caller holds {@code <type>:approve} for (used by waitingForMe)
     * @param principalKey the caller's {@code Actor.principalKey()} (used by mine)
     * @param person the caller's {@code Actor.person()} (used by waitingForMe: not made nor approved by them)
     */
    public static Query build(
            ApprovalFilter filter,
            @Nullable List<String> visibleTypes,
            List<String> approvableTypes,
            String principalKey,
            String person,
            @Nullable String cursor,
            int limit) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (visibleTypes != null) {
            where.append(" and r.operation_type = any(?)");
            params.add(visibleTypes.toArray(String[]::new));
        }
        if (!filter.types().isEmpty()) {
            where.append(" and r.operation_type = any(?)");
            params.add(filter.types().toArray(String[]::new));
        }
        if (filter.state() != null) {
            where.append(" and r.state = ?");
            params.add(filter.state().name());
        }
        if (filter.mine()) {
            where.append(" and r.maker_key = ?");
            params.add(principalKey);
        }
        if (filter.waitingForMe()) {
            where.append(" and r.state = 'PENDING' and r.maker_person <> ? and r.operation_type = any(?)"
                    + " and not exists (select 1 from operations.approval_vote v"
                    + " where v.request_id = r.id and v.checker_person = ?)");
            params.add(person);
            params.add(approvableTypes.toArray(String[]::new));
            params.add(person);
        }
        if (cursor != null) {
            Position after = Position.decode(cursor);
            where.append(" and (r.created_at, r.id) < (?, ?)");
            params.add(ApprovalStore.ts(after.createdAt()));
            params.add(after.id());
        }
        params.add(limit + 1);
        return new Query(
                "select r.* from operations.approval_request r" + where
                        + " order by r.created_at desc, r.id desc limit ?",
                params);
    }

    public static String cursorAfter(ApprovalRequest last) {
        return new Position(last.createdAt(), last.id()).encode();
    }

    /** Opaque to callers (base64url). */
    record Position(Instant createdAt, UUID id) {
        String encode() {
            String text = "a1|" + createdAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 3 || !parts[0].equals("a1")) {
                    throw invalid();
                }
                Instant createdAt = Instant.parse(parts[1]);
                if (!OperationListQuery.inRange(createdAt)) {
                    throw invalid();
                }
                return new Position(createdAt, UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalid();
            }
        }

        private static InvalidInput invalid() {
            return InvalidInput.of("cursor", "not a cursor this API issued; start again without it");
        }
    }
}
