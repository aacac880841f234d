package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 15's migrations on a database that already has operations: the sharded counters of V2026120501 become one
 * total per type and status holding exactly their sum (V2026120790) and the triggers append deltas from then on;
 * the rows already there get their settled columns and the table its fillfactor (V2026120792). Runs the
 * migrations into a database of its own on the tests' PostgreSQL.
 */
class StatusCountMigrationIntegrationTests extends IntegrationTest {

    private static final String DATABASE = "status_count_migration";

    @Autowired
    DataSource dataSource;

    @Test
    void foldsTheShardsIntoExactTotalsAndCountsByDeltasAfterwards() {
        var hikari = (HikariDataSource) dataSource;
        jdbc.sql("drop database if exists " + DATABASE + " with (force)").update();
        jdbc.sql("create database " + DATABASE).update();
        String url = hikari.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        var target = new DriverManagerDataSource(url, hikari.getUsername(), hikari.getPassword());
        try {
            migrate(target, "2026120785"); // the last migration before V2026120790
            var db = JdbcClient.create(target);
            insert(db, "withdrawal", "PENDING", 30);
            insert(db, "withdrawal", "SUCCESS", 12);
            insert(db, "loan", "PENDING", 7);
            // rows other backends counted into other shards, as concurrent writers did
            db.sql("update operations.status_count set n = n - 4 where type = 'withdrawal' and status = 'PENDING'")
                    .update();
            db.sql("insert into operations.status_count (type, status, shard, n) select type, status,"
                            + " (shard + 1) % 16, case when type = 'loan' then 0 else 4 end from operations.status_count"
                            + " where status = 'PENDING'")
                    .update();

            migrate(target, "latest");

            assertThat(totals(db))
                    .isEqualTo(Map.of("withdrawal/PENDING", 30L, "withdrawal/SUCCESS", 12L, "loan/PENDING", 7L));
            assertThat(db.sql("select count(*) from operations.status_count_delta")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(db.sql("select count(*) from operations.operation where settled_at is not null"
                                    + " and settled_at = stage_entered_at and settled_stage = stage")
                            .query(Long.class)
                            .single())
                    .as("V2026120792 fills the settled columns of the rows already there")
                    .isEqualTo(12);
            assertThat(db.sql("select count(*) from operations.operation where settled_at is null and settled_stage"
                                    + " is null and status = 'PENDING'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(37);
            assertThat(db.sql("select reloptions::text from pg_class where oid = 'operations.operation'::regclass")
                            .query(String.class)
                            .single())
                    .isEqualTo("{fillfactor=90}");
            insert(db, "loan", "PENDING", 3);
            assertThat(db.sql("select type || '/' || status || '/' || n from operations.status_count_delta")
                            .query(String.class)
                            .list())
                    .containsExactly("loan/PENDING/3");
        } finally {
            jdbc.sql("drop database if exists " + DATABASE + " with (force)").update();
        }
    }

    private static void migrate(DataSource target, String version) {
        Flyway.configure()
                .dataSource(target)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static void insert(JdbcClient db, String type, String status, int rows) {
        db.sql(
                        """
                        insert into operations.operation (id, type, workflow_version, reference, subject, status,
                          stage, amount, currency, assignee, attributes, version, created_at, updated_at,
                          stage_entered_at, due_at, timer_at, history_head)
                        select gen_random_uuid(), ?, 1, 'M-' || gen_random_uuid(), 'm', ?, 's', null, null, null,
                          '{}', 1, now(), now(), now(), null, null, '\\x00'
                        from generate_series(1, ?)""")
                .params(type, status, rows)
                .update();
    }

    private static Map<String, Long> totals(JdbcClient db) {
        var totals = new HashMap<String, Long>();
        db.sql("select type || '/' || status as k, n from operations.status_count")
                .query((rs, row) -> totals.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return totals;
    }
}
