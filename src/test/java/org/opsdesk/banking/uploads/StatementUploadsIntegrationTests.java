package org.opsdesk.banking.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.banking.StatementTexts.Movement;
import org.opsdesk.banking.imports.StatementImports;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Files uploaded in the console are imported in the background: stored first (the upload answers at once), then
 * claimed by one node's importer and imported as the cashier who uploaded them; a refused file ends refused with
 * the reason; two importers racing for one upload import it once.
 */
class StatementUploadsIntegrationTests extends IntegrationTest {

    private static final Actor CASHIER = new Actor(
            Actor.Kind.OPERATOR, "upload-cashier", "Upload Cashier", Permissions.of(BankingPermissions.STATEMENTS));

    @Autowired
    StatementUploads uploads;

    @Autowired
    UploadStore store;

    @Autowired
    StatementImports imports;

    @Autowired
    StatementMappings mappings;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anUploadedFileIsImportedInTheBackgroundAsItsUploaderAndItsBytesAreLetGo() {
        var account = StatementTexts.account(api(), "TRY");
        String file = StatementTexts.mt940(
                account,
                "UP-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.of(2026, 11, 2),
                "1000.00",
                List.of(Movement.in("250.00", "ORDER EX-1"), Movement.out("40.50", "FEE")));

        UUID id = uploads.accept(bytes(file), "try.sta", null, null, CASHIER);

        UploadView done = awaitEnd(id);
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.refusal()).isNull();
        var imported = jdbc.sql("select state, created_by_id, created_by_name, entries_new, statements_read"
                        + " from banking.statement_import where id = ?")
                .param(done.importId())
                .query()
                .singleRow();
        assertThat(imported)
                .containsEntry("state", "DONE")
                .containsEntry("created_by_id", "upload-cashier")
                .containsEntry("created_by_name", "Upload Cashier")
                .containsEntry("entries_new", 2)
                .containsEntry("statements_read", 1);
        assertThat(api().get("/api/v1/exchange/bank-accounts/" + account.id())
                        .json()
                        .get("balance")
                        .toString())
                .contains("1209.5");
        assertThat(jdbc.sql("select content is null from banking.statement_upload where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("the bytes are let go once imported (keep-files PT0S)")
                .isTrue();
    }

    @Test
    void aFileThatDoesNotReconcileEndsRefusedWithTheReasonAndNothingStored() {
        var account = StatementTexts.account(api(), "TRY");
        String file = StatementTexts.mt940(
                account,
                "BAD-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.of(2026, 11, 3),
                "100.00",
                List.of(Movement.in("10.00", "X")),
                "111.00");

        UploadView refused = awaitEnd(uploads.accept(bytes(file), "bad.sta", null, null, CASHIER));

        assertThat(refused.state()).isEqualTo("REFUSED");
        assertThat(refused.refusal().code()).isEqualTo("NOT_RECONCILED");
        assertThat(refused.refusal().status()).isEqualTo(422);
        assertThat(refused.refusal().detail()).contains("1.00");
        assertThat(jdbc.sql("select count(*) from banking.statement where bank_account_id = ?")
                        .param(UUID.fromString(account.id()))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aStatementOfNoOfficeAccountEndsRefusedNamingTheStatementsAccount() {
        var stranger =
                new StatementTexts.Account(null, org.opsdesk.exchange.accounts.TestIbans.polish("10201026"), "ILS");
        String file = StatementTexts.mt940(
                stranger, "NOACC-1", LocalDate.of(2026, 11, 4), "0.00", List.of(Movement.in("5.00", "X")));

        UploadView refused = awaitEnd(uploads.accept(bytes(file), "stranger.sta", null, null, CASHIER));

        assertThat(refused.state()).isEqualTo("REFUSED");
        assertThat(refused.refusal().code()).isEqualTo("invalid-input");
        assertThat(refused.refusal().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("statements[0].accountIdentifier");
            assertThat(error.message()).contains(stranger.iban());
        });
    }

    @Test
    void twoImportersRacingForOneUploadImportItOnce() throws Exception {
        var account = StatementTexts.account(api(), "ILS");
        String file = StatementTexts.mt940(
                account, "RACE-1", LocalDate.of(2026, 11, 5), "50.00", List.of(Movement.in("7.25", "RACE")));
        UUID id = UUID.randomUUID();
        // stored without waking this node's worker, so that the two importers below race it (and it, at its tick)
        store.insert(new UploadStore.NewUpload(
                id, bytes(file), new byte[32], "race.sta", null, null, CASHIER, java.time.Instant.now()));
        var settings = new UploadImporter.Settings(Duration.ofMinutes(2), Duration.ZERO, 3);
        var heartbeat = Executors.newSingleThreadScheduledExecutor();
        var barrier = new CyclicBarrier(2);
        try {
            var racers = List.of("racer-a", "racer-b").stream()
                    .map(node -> new UploadImporter(
                            node, store, imports, mappings, transactions, heartbeat, Clock.systemUTC(), settings))
                    .map(importer -> CompletableFuture.supplyAsync(() -> {
                        await(barrier);
                        while (importer.importOne()) {
                            // drain whatever else is due too, as the worker would
                        }
                        return true;
                    }))
                    .toList();
            racers.forEach(CompletableFuture::join);
        } finally {
            heartbeat.shutdownNow();
        }

        UploadView done = awaitEnd(id);
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.attempts()).as("claimed once").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from banking.statement_import i join banking.import_statement l"
                                + " on l.import_id = i.id join banking.statement s on s.id = l.statement_ref"
                                + " where s.bank_account_id = ?")
                        .param(UUID.fromString(account.id()))
                        .query(Integer.class)
                        .single())
                .as("one import read the file")
                .isEqualTo(1);
    }

    @Test
    void anUploadWhoseNodeStoppedMidImportIsTakenOverOnceItsLeaseRanOut() {
        var account = StatementTexts.account(api(), "KRW");
        String file = StatementTexts.mt940(
                account, "CRASH-1", LocalDate.of(2026, 11, 6), "1000", List.of(Movement.in("500", "AFTER A CRASH")));
        UUID id = UUID.randomUUID();
        UUID interrupted = UUID.randomUUID();
        // a node claimed the upload, began its import and stopped: the import row says RUNNING, the lease ran out
        jdbc.sql("insert into banking.statement_import (id, file_sha256, file_size, created_by_kind, created_by_id,"
                        + " created_by_name, started_at) values (?, ?, 1, 'operator', 'upload-cashier',"
                        + " 'Upload Cashier', now() - interval '10 minutes')")
                .params(interrupted, new byte[32])
                .update();
        // stored and left by that node in one transaction: no worker ever sees it waiting
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            store.insert(new UploadStore.NewUpload(
                    id, bytes(file), new byte[32], "crash.sta", null, null, CASHIER, java.time.Instant.now()));
            jdbc.sql("update banking.statement_upload set state = 'RUNNING', claimed_by = 'stopped-node',"
                            + " attempts = 1, import_id = ?, lease_until = now() - interval '1 minute' where id = ?")
                    .params(interrupted, id)
                    .update();
        });

        UploadView done = awaitEnd(id);

        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.importId()).isNotEqualTo(interrupted);
        assertThat(jdbc.sql("select state || ': ' || (refusal->>'detail') from banking.statement_import where id = ?")
                        .param(interrupted)
                        .query(String.class)
                        .single())
                .isEqualTo("REFUSED: the node importing the file stopped; it is imported again");
        assertThat(jdbc.sql("select state from banking.statement_import where id = ?")
                        .param(done.importId())
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");
    }

    private UploadView awaitEnd(UUID id) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            UploadView upload = uploads.find(id).orElseThrow();
            if (!upload.open()) {
                return upload;
            }
            sleep();
        }
        throw new AssertionError("upload " + id + " still open: " + uploads.find(id));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
