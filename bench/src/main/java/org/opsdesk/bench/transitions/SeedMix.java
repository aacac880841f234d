package org.opsdesk.bench.transitions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The seeded rows' mix: the 12 shipped types with their share per 10,000 rows, and per type 10% in PENDING stages
 * (half of them in the initial stage), 75% SUCCESS, 10% REJECTED, 5% ERROR — written as the {@code bench_mix}
 * table of 10,000 slots that the seeding SQL joins on.
 */
final class SeedMix {

    /** Shipped types and their share of the seeded rows, per 10,000. */
    static final Map<String, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put("deposit", 2500);
        MIX.put("withdrawal", 2000);
        MIX.put("p2p_transfer", 1200);
        MIX.put("order", 800);
        MIX.put("exchange_order", 700);
        MIX.put("support_ticket", 700);
        MIX.put("kyc_verification", 600);
        MIX.put("bonus_accrual", 500);
        MIX.put("card_issuance", 300);
        MIX.put("account_block", 300);
        MIX.put("limit_change", 200);
        MIX.put("loan", 200);
    }

    static final Map<String, String> CURRENCY = Map.of(
            "deposit",
            "EUR",
            "withdrawal",
            "EUR",
            "p2p_transfer",
            "EUR",
            "order",
            "EUR",
            "exchange_order",
            "USDT",
            "bonus_accrual",
            "EUR",
            "limit_change",
            "EUR",
            "loan",
            "EUR");

    record StageInfo(String code, String status) {}

    record TypeInfo(String type, int version, String initial, List<StageInfo> stages) {}

    /** The latest definition of every loaded type, by type. */
    static Map<String, TypeInfo> types(Connection db) throws SQLException {
        Map<String, TypeInfo> types = new LinkedHashMap<>();
        db.setAutoCommit(true);
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select d.type, d.version, d.definition->>'initialStage', s->>'code', s->>'status'
                        from workflow.definition_version d
                          cross join lateral jsonb_array_elements(d.definition->'stages') with ordinality as x(s, n)
                        where d.version = (select max(version) from workflow.definition_version v where v.type = d.type)
                        order by d.type, x.n""")) {
            while (rs.next()) {
                String type = rs.getString(1);
                TypeInfo info = types.computeIfAbsent(
                        type, t -> new TypeInfo(t, intOf(rs, 2), strOf(rs, 3), new ArrayList<>()));
                info.stages().add(new StageInfo(rs.getString(4), rs.getString(5)));
            }
        }
        for (String t : MIX.keySet()) {
            if (!types.containsKey(t)) {
                throw new IllegalStateException("shipped type " + t + " has no row in workflow.definition_version");
            }
        }
        if (!types.containsKey("bench_ping")) {
            throw new IllegalStateException("bench_ping is not loaded: is OPSDESK_WORKFLOWS_DIR=bench/workflows?");
        }
        return types;
    }

    /** Writes bench_mix; returns the slots per type and "stage (status)". */
    static Map<String, Map<String, Integer>> write(Connection db, Map<String, TypeInfo> types) throws SQLException {

        // One row per slot 0..9999: the type, stage and status a seeded row in that slot gets. Per type: 10% in
        // a PENDING stage (the initial stage most often), 75% SUCCESS, 10% REJECTED, 5% ERROR.
        try (var st = db.createStatement()) {
            st.execute("drop table if exists bench_mix");
            st.execute("create unlogged table bench_mix (slot int primary key, type text not null, stage text not null,"
                    + " status text not null, wv int not null, currency text)");
        }
        Map<String, Map<String, Integer>> perStage = new TreeMap<>();
        try (var ins = db.prepareStatement("insert into bench_mix values (?, ?, ?, ?, ?, ?)")) {
            int slot = 0;
            for (var e : MIX.entrySet()) {
                TypeInfo info = types.get(e.getKey());
                int w = e.getValue();
                int pending = w * 10 / 100, rejected = w * 10 / 100, error = w * 5 / 100;
                int success = w - pending - rejected - error;
                List<String> slots = new ArrayList<>();
                List<String> pendingStages = stagesOf(info, "PENDING");
                // the initial stage takes half of the pending rows, the other pending stages share the rest
                for (int i = 0; i < pending; i++) {
                    slots.add(
                            i % 2 == 0 || pendingStages.size() == 1
                                    ? info.initial()
                                    : pendingStages.get(1 + (i / 2) % (pendingStages.size() - 1)));
                }
                addRoundRobin(slots, stagesOf(info, "SUCCESS"), success);
                addRoundRobin(slots, stagesOf(info, "REJECTED"), rejected);
                addRoundRobin(slots, stagesOf(info, "ERROR"), error);
                for (String stage : slots) {
                    String status = info.stages().stream()
                            .filter(s -> s.code().equals(stage))
                            .findFirst()
                            .orElseThrow()
                            .status();
                    ins.setInt(1, slot++);
                    ins.setString(2, info.type());
                    ins.setString(3, stage);
                    ins.setString(4, status);
                    ins.setInt(5, info.version());
                    ins.setString(6, CURRENCY.get(info.type()));
                    ins.addBatch();
                    perStage.computeIfAbsent(info.type(), k -> new TreeMap<>())
                            .merge(stage + " (" + status + ")", 1, Integer::sum);
                }
            }
            if (slot != 10_000) {
                throw new IllegalStateException("the mix covers " + slot + " slots, not 10000");
            }
            ins.executeBatch();
        }
        return perStage;
    }

    static List<String> stagesOf(TypeInfo info, String status) {
        var list = info.stages().stream()
                .filter(s -> s.status().equals(status))
                .map(StageInfo::code)
                .collect(Collectors.toCollection(ArrayList::new));
        if (status.equals("PENDING")) {
            list.remove(info.initial());
            list.add(0, info.initial());
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(info.type() + " has no " + status + " stage");
        }
        return list;
    }

    static void addRoundRobin(List<String> slots, List<String> stages, int n) {
        for (int i = 0; i < n; i++) {
            slots.add(stages.get(i % stages.size()));
        }
    }

    static int intOf(ResultSet rs, int i) {
        try {
            return rs.getInt(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String strOf(ResultSet rs, int i) {
        try {
            return rs.getString(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
