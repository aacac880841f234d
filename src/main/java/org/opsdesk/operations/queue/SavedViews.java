package org.opsdesk.operations.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of the operations list: an operator's own, and views shared with every operator. Anyone who may see
 * the list may save and share views — a view is only a link, and the list shows each operator only what they may
 * see. A view is deleted by its owner, or, when shared, by whoever holds {@value #MANAGE}. Creations and
 * deletions go to the insert-only {@code operations.saved_view_log}.
 */
@Component
public class SavedViews {

    /** Deleting other operators' shared views (tidying the team's menu). */
    static final String MANAGE = OperationPermissions.VIEWS_MANAGE;

    private static final String COLUMNS = "id, owner, name, query, columns, shared, created_at";

    public record SavedView(
            UUID id, String owner, String name, String query, List<String> columns, boolean shared, Instant createdAt) {

        public String href() {
            var link = ListLink.parse(query);
            return (columns.isEmpty() ? link : link.with("columns", String.join(",", columns))).href();
        }

        public boolean deletableBy(Actor actor) {
            return owner.equals(actor.id()) || (shared && actor.may(MANAGE));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The actor's own views and the shared ones, by name. */
    List<SavedView> visibleTo(Actor actor) {
        return jdbc.sql("select " + COLUMNS + " from operations.saved_view where owner = ? or shared"
                        + " order by lower(name), created_at limit 200")
                .param(actor.id())
                .query(SavedViews::row)
                .list();
    }

    @Transactional
    SavedView create(Actor actor, String name, String query, List<String> columns, boolean shared) {
        var view = new SavedView(UUID.randomUUID(), actor.id(), name, query, columns, shared, clock.instant());
        jdbc.sql("insert into operations.saved_view (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        view.id(),
                        view.owner(),
                        name,
                        query,
                        columns.toArray(String[]::new),
                        shared,
                        view.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        log(view, "created", actor);
        return view;
    }

    @Transactional
    void delete(UUID id, Actor actor) {
        var view = jdbc.sql("select " + COLUMNS + " from operations.saved_view where id = ? for update")
                .param(id)
                .query(SavedViews::row)
                .optional()
                .filter(v -> v.shared() || v.owner().equals(actor.id()))
                .orElseThrow(() -> new NotFound("view", id.toString()));
        if (!view.deletableBy(actor)) {
            throw new PermissionDenied(MANAGE);
        }
        jdbc.sql("delete from operations.saved_view where id = ?").param(id).update();
        log(view, "deleted", actor);
    }

    private void log(SavedView view, String action, Actor actor) {
        jdbc.sql(
                        """
                        insert into operations.saved_view_log (view_id, action, name, query, shared, actor_id, at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        view.id(),
                        action,
                        view.name(),
                        view.query(),
                        view.shared(),
                        actor.id(),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static SavedView row(ResultSet rs, int n) throws SQLException {
        return new SavedView(
                rs.getObject("id", UUID.class),
                rs.getString("owner"),
                rs.getString("name"),
                rs.getString("query"),
                Arrays.asList((String[]) rs.getArray("columns").getArray()),
                rs.getBoolean("shared"),
                rs.getTimestamp("created_at").toInstant());
    }
}
