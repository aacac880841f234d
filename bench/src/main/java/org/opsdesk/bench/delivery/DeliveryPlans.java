package org.opsdesk.bench.delivery;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.opsdesk.bench.Explain;
import org.opsdesk.bench.app.BenchApp;

/** The delivery benchmark's explain phase: the claim and list queries under EXPLAIN at a million deliveries. */
final class DeliveryPlans {

    private DeliveryPlans() {}

    /** Adds {@code rows} delivery rows with SQL and appends the plans to the report. */
    static void explain(BenchApp app, long rows, StringBuilder report) throws Exception {
        log("explain: adding " + rows + " delivery rows");
        try (Connection db = app.connect()) {
            try (Statement st = db.createStatement()) {
                // 98.9% sent, 0.1% failed, 0.5% retrying later, 0.4% pending due, 0.1% sending with a live lease;
                // spread over 30 days and 100,000 operations, 4 endpoints
                st.execute("insert into notifications.delivery (id, event_id, event_type, operation_id, channel,"
                        + " recipient, message_id, body, state, attempts, next_attempt_at, claimed_by, claim_token,"
                        + " claimed_until, sent_at, created_at, updated_at)"
                        + " select gen_random_uuid(), gen_random_uuid(), 'operation.status_changed',"
                        + "   ('00000000-0000-0000-0000-' || lpad(to_hex(g % 100000), 12, '0'))::uuid, 'webhook',"
                        + "   '00000000-0000-0000-0000-00000000000' || (g % 4), 'msg_' || g, '{}',"
                        + "   case when g % 1000 < 989 then 'sent' when g % 1000 < 990 then 'failed'"
                        + "        when g % 1000 < 995 then 'retrying'"
                        + "        when g % 1000 < 999 then 'pending' else 'sending' end,"
                        + "   1,"
                        + "   case when g % 1000 between 990 and 994 then now() + interval '1 hour'"
                        + "        when g % 1000 between 995 and 998 then now() - interval '1 second' end,"
                        + "   case when g % 1000 = 999 then 'bench' end,"
                        + "   case when g % 1000 = 999 then gen_random_uuid() end,"
                        + "   case when g % 1000 = 999 then now() + interval '1 hour' end,"
                        + "   case when g % 1000 < 989 then now() - (g || ' seconds')::interval * 2.5 end,"
                        + "   now() - (g || ' seconds')::interval * 2.5, now()"
                        + " from generate_series(1, " + rows + ") g");
                st.execute("analyze notifications.delivery");
            }
            long total = DeliveryBench.count(db, "select count(*) from notifications.delivery");
            report.append("### Claim and list queries at ")
                    .append(String.format(Locale.ROOT, "%,d", total))
                    .append(" deliveries\n\n")
                    .append(
                            "Rows added with SQL: 98.9% `sent`, 0.1% `failed`, 0.5% retrying later, 0.4% due, 0.1% claimed; 100,000"
                                    + " operations, 4 endpoints. Each query as the app runs it (the claim inside a"
                                    + " rolled-back transaction).\n\n");
            db.setAutoCommit(false);
            plan(
                    report,
                    db,
                    "claim a batch of 8 due deliveries",
                    "with expired as (select id, claimed_until as due from notifications.delivery where state ="
                            + " 'sending' and claimed_until <= now() order by claimed_until limit 8 for update skip"
                            + " locked), due as (select id, next_attempt_at as due from notifications.delivery where"
                            + " state in ('pending', 'retrying') and next_attempt_at <= now() order by"
                            + " next_attempt_at limit 8 for update skip locked) update notifications.delivery d set"
                            + " state = 'sending', claimed_by = 'bench', claim_token = gen_random_uuid(),"
                            + " claimed_until = now() + interval '60 seconds', updated_at = now() where d.id in"
                            + " (select id from (select id, 0 as kind, due from expired union all select id, 1, due"
                            + " from due) claimable order by kind, due limit 8) returning d.id");
            db.rollback();
            String columns = "id, event_id, event_type, operation_id, channel, recipient, message_id, test, state,"
                    + " attempts, next_attempt_at, last_error, sent_at, created_at, updated_at";
            plan(
                    report,
                    db,
                    "an operation's notifications (GET /api/v1/notifications?operationId=)",
                    "select " + columns + " from notifications.delivery where true and operation_id ="
                            + " '00000000-0000-0000-0000-00000000a0a0' order by created_at desc, id desc limit 51");
            plan(
                    report,
                    db,
                    "failed deliveries, newest first (GET /api/v1/notifications?state=failed)",
                    "select " + columns + " from notifications.delivery where true and state = 'failed'"
                            + " order by created_at desc, id desc limit 51");
            plan(
                    report,
                    db,
                    "an endpoint's deliveries (GET /api/v1/webhooks/{id}/deliveries)",
                    "select " + columns + " from notifications.delivery where true and channel = 'webhook' and"
                            + " recipient = '00000000-0000-0000-0000-000000000002' order by created_at desc, id desc"
                            + " limit 51");
            db.rollback();
        }
    }

    private static void plan(StringBuilder report, Connection db, String label, String sql) throws SQLException {
        var explained = Explain.of(db, sql);
        report.append("**")
                .append(label)
                .append(String.format(
                        Locale.ROOT,
                        "**: %.2f ms (planning %.2f ms)\n\n```\n",
                        explained.executionMs(),
                        explained.planningMs()))
                .append(explained.plan().strip())
                .append("\n```\n\n");
    }
}
