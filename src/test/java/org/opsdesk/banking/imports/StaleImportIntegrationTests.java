package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An import through the API whose node stopped mid-run is taken over once its lease ran out: matching resumed when
 * its statements were stored (the order its credit pays is confirmed, the import ends done with a warning saying
 * so), refused with a clear message when nothing was stored; an import whose node still renews its lease is left
 * alone. The rows are written as a stopped node leaves them (its storing transaction committed, or not), then the
 * module's sweep runs.
 */
class StaleImportIntegrationTests extends IntegrationTest {

    @Autowired
    private StaleImports stale;

    @Test
    void anImportWhoseNodeStoppedAfterStoringIsMatchedAndFinishedByAnotherNode() {
        var desk = new QarDesk(api());
        var payIn = desk.account(PayoutDesk.bank(), "PEN");
        var order = api().post(
                        "/api/v1/exchange/orders",
                        """
                        {"subject":"gap-stale-client","base":"QAR","quote":"PEN","side":"buy",
                         "amount":{"value":"95.00","currency":"PEN"},
                         "payoutAccount":{"iban":"DE89370400440532013000","name":"Stale Import Client"}}""")
                .json();
        String orderId = order.get("id").asString();
        UUID importId = UUID.randomUUID();
        storedButUnmatched(
                importId, payIn, "95.00", order.get("paymentReference").asString(), "STALE1");

        sweepUntilEnded(importId);

        JsonNode finished =
                api().get("/api/v1/exchange/statements/imports/" + importId).json();
        assertThat(finished.get("state").asString()).isEqualTo("DONE");
        assertThat(finished.get("entriesMatched").asInt()).isEqualTo(1);
        assertThat(finished.get("warnings").get(0).get("code").asString()).isEqualTo("RESUMED");
        assertThat(finished.get("warnings").get(0).get("message").asString()).contains("dead-node/1");
        assertThat(api().get("/api/v1/operations/" + orderId)
                        .json()
                        .get("stage")
                        .asString())
                .as("the pair is worked automatically: the resumed match confirmed it and released the payout")
                .isEqualTo("payout_pending");
    }

    @Test
    void sweepsRacingForOneStaleImportTakeItOnceAndConfirmItsOrderOnce() throws Exception {
        var desk = new QarDesk(api());
        var payIn = desk.account(PayoutDesk.bank(), "PEN");
        var order = api().post(
                        "/api/v1/exchange/orders",
                        """
                        {"subject":"gap-stale-client","base":"QAR","quote":"PEN","side":"buy",
                         "amount":{"value":"96.00","currency":"PEN"},
                         "payoutAccount":{"iban":"DE89370400440532013000","name":"Stale Race Client"}}""")
                .json();
        UUID importId = UUID.randomUUID();
        storedButUnmatched(
                importId, payIn, "96.00", order.get("paymentReference").asString(), "STALE2");

        var sweeps = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var taken = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                taken.add(sweeps.submit(() -> {
                    start.await();
                    return stale.recoverAll();
                }));
            }
            start.countDown();
            for (var sweep : taken) {
                sweep.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            sweeps.shutdownNow();
        }
        sweepUntilEnded(importId);

        JsonNode finished =
                api().get("/api/v1/exchange/statements/imports/" + importId).json();
        assertThat(finished.get("state").asString()).isEqualTo("DONE");
        assertThat(finished.get("entriesMatched").asInt()).isEqualTo(1);
        int entered = 0;
        for (JsonNode entry : api().get("/api/v1/operations/" + order.get("id").asString() + "/history")
                .json()
                .get("items")) {
            boolean intoFundsReceived = "transitioned".equals(entry.path("kind").asString())
                    && "funds_received".equals(entry.path("to").path("stage").asString());
            entered += intoFundsReceived ? 1 : 0;
        }
        assertThat(entered).as("the order entered funds_received once").isEqualTo(1);
    }

    /** A stopped node's import of one statement with one credit of {@code amount} PEN naming {@code reference}. */
    private void storedButUnmatched(
            UUID importId, QarDesk.Account account, String amount, String reference, String statementId) {
        Instant longAgo = clock().instant().minus(Duration.ofHours(1));
        importRow(importId, "MT940", longAgo);
        UUID statement = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into banking.statement (id, import_id, bank_account_id, account_identifier, statement_id,
                            sequence, from_date, to_date, currency, opening_balance, closing_balance, entries_total,
                            entries_new, imported_at)
                        values (?, ?, ?, ?, ?, '1', ?, ?, 'PEN', 0, ?, 1, 1, ?)""")
                .params(
                        statement,
                        importId,
                        UUID.fromString(account.id()),
                        account.iban(),
                        statementId,
                        today(),
                        today(),
                        new BigDecimal(amount),
                        Timestamp.from(longAgo))
                .update();
        jdbc.sql(
                        """
                        insert into banking.import_statement (import_id, position, statement_ref, entries_total,
                            entries_new, first_import) values (?, 0, ?, 1, 1, true)""")
                .params(importId, statement)
                .update();
        jdbc.sql(
                        """
                        insert into banking.statement_entry (bank_account_id, statement_ref, import_id, fingerprint,
                            booking_date, amount, currency, direction, remittance, raw, stored_at)
                        values (?, ?, ?, ?, ?, ?, 'PEN', 'CREDIT', ?, ?, ?)""")
                .params(
                        UUID.fromString(account.id()),
                        statement,
                        importId,
                        randomBytes(),
                        today(),
                        new BigDecimal(amount),
                        "exchange " + reference,
                        ":61:C" + amount.replace('.', ',') + "NTRFNONREF",
                        Timestamp.from(longAgo))
                .update();
    }

    @Test
    void anImportWhoseNodeStoppedBeforeStoringIsRefusedSayingNothingWasStored() {
        UUID importId = UUID.randomUUID();
        importRow(importId, null, clock().instant().minus(Duration.ofHours(1)));

        sweepUntilEnded(importId);

        JsonNode refused =
                api().get("/api/v1/exchange/statements/imports/" + importId).json();
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("refusal").asString())
                .contains("dead-node/1")
                .contains("stopped before its statements were stored")
                .contains("import it again");
    }

    @Test
    void anImportWhoseNodeRenewsItsLeaseIsLeftRunning() {
        UUID importId = UUID.randomUUID();
        importRow(importId, null, clock().instant().minus(Duration.ofSeconds(10)));

        stale.recoverAll();

        assertThat(api().get("/api/v1/exchange/statements/imports/" + importId)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("RUNNING");
    }

    /** The import's row as its node wrote it: begun (and stored, with a format) with its last heartbeat at {@code beat}. */
    private void importRow(UUID id, String format, Instant beat) {
        jdbc.sql(
                        """
                        insert into banking.statement_import (id, file_sha256, file_name, file_size, format, state,
                            statements_read, entries_stored, entries_new, created_by_kind, created_by_id,
                            created_by_name, started_at, claimed_by, heartbeat_at)
                        values (?, ?, 'stale.sta', 120, ?, 'RUNNING', ?, ?, ?, 'key', 'gap-stale', 'gap-stale', ?,
                                'dead-node/1', ?)""")
                .params(
                        id,
                        randomBytes(),
                        format,
                        format == null ? 0 : 1,
                        format == null ? 0 : 1,
                        format == null ? 0 : 1,
                        Timestamp.from(beat),
                        Timestamp.from(beat))
                .update();
    }

    /** Runs the sweep until the import ended (a node's own background sweep may take it first). */
    private void sweepUntilEnded(UUID importId) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            stale.recoverAll();
            String state = jdbc.sql("select state from banking.statement_import where id = ?")
                    .param(importId)
                    .query(String.class)
                    .single();
            if (!"RUNNING".equals(state)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("import " + importId + " is still running");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), java.time.ZoneOffset.UTC);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
