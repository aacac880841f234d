package org.opsdesk.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opsdesk.access.keys.ApiKeySecrets;
import org.opsdesk.access.keys.ApiKeyStore;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exports and clients that read slowly: the database is read at its own speed and the connection given back before
 * the client has the file, and a burst of downloads is refused (429, audited) past the per-principal and per-node
 * limits instead of taking every thread and pooled connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportSlowClientIntegrationTests extends IntegrationTest {

    /** Rows enough for a file (~10 MB) far larger than what the socket buffers on both ends can hold. */
    private static final int ROWS = 50_000;

    private static final String CSV = "/api/v1/exports/operations.csv";

    @Autowired
    ApiKeyStore keys;

    private final String subject = "slow-" + UUID.randomUUID();
    private final List<SlowReader> readers = new ArrayList<>();

    @BeforeAll
    void manyOperations() {
        jdbc.sql(
                        """
                        insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                          amount, currency, version, created_at, updated_at, stage_entered_at, history_head)
                        select gen_random_uuid(), 'withdrawal', 1, ? || n, ?, 'PENDING', 'requested', 10.00, 'EUR', 1,
                          now(), now(), now(), '\\x00'
                        from generate_series(1, ?) n""")
                .params(subject + "-", subject, ROWS)
                .update();
    }

    @AfterEach
    void closeReaders() {
        readers.forEach(SlowReader::close);
        readers.clear();
    }

    @AfterAll
    void removeOperations() {
        jdbc.sql("delete from operations.operation where subject = ?")
                .param(subject)
                .update();
    }

    @Test
    void holdsNoConnectionNorTransactionWhileTheClientReadsSlowly() {
        String key = keyFor("exports:run", "withdrawal:view");
        var reader = slow(key);
        UUID exportId = reader.exportId();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(exportTransactions())
                .as("transactions reading the export while its client stalls")
                .isZero());

        assertThat(outcomeOf(exportId)).as("the export is still being sent").isNull();
        reader.close();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outcomeOf(exportId))
                .isEqualTo("cancelled"));
    }

    @Test
    void refusesExportsPastThePrincipalsAndTheNodesLimitsWithRetryAfterAndAuditsThem() {
        String alice = keyFor("exports:run", "withdrawal:view", "exports:audit");
        String bob = keyFor("exports:run", "withdrawal:view");
        String carol = keyFor("exports:run", "withdrawal:view");
        slow(alice);
        slow(alice);

        var third = client(alice).get(CSV + "?subject=" + subject);

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.json().get("type").asString()).endsWith("too-many-exports");
        assertThat(third.header("Retry-After")).isEqualTo("30");
        assertThat(client(bob).get(CSV + "?reference=none").status())
                .as("another principal still has room")
                .isEqualTo(200);

        slow(bob);
        slow(bob);
        var overNode = client(carol).get(CSV + "?reference=none");

        assertThat(overNode.status()).as("four exports run on the node").isEqualTo(429);
        var refused = client(alice).get("/api/v1/exports?limit=100").json().get("items");
        long refusals = 0;
        for (var run : refused) {
            if ("refused".equals(run.get("outcome").asString(null))) {
                refusals++;
            }
        }
        assertThat(refusals).as("both refusals are in the audit").isGreaterThanOrEqualTo(2);
    }

    private long exportTransactions() {
        return jdbc.sql(
                        """
                        select count(*) from pg_stat_activity
                        where pid <> pg_backend_pid() and xact_start < now() - interval '500 milliseconds'
                          and query ilike '%from operations.operation%'""")
                .query(Long.class)
                .single();
    }

    private String outcomeOf(UUID exportId) {
        return jdbc.sql("select outcome from exports.export_outcome where run_id = ?")
                .param(exportId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String keyFor(String... permissions) {
        String secret = ApiKeySecrets.generate();
        keys.create(
                "slow-" + UUID.randomUUID(),
                secret,
                List.of(permissions),
                Instant.now().plus(Duration.ofDays(1)), // every key expires
                "tests",
                Instant.now());
        return secret;
    }

    private ApiClient client(String key) {
        return api().withKey(key);
    }

    private SlowReader slow(String key) {
        var reader = new SlowReader(port, CSV + "?subject=" + subject, key);
        readers.add(reader);
        return reader;
    }

    /** A client that asks for the export, reads the headers and the first bytes, then stops reading. */
    private static final class SlowReader implements AutoCloseable {
        private final Socket socket = new Socket();
        private final String head;

        SlowReader(int port, String path, String key) {
            try {
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(20_000);
                socket.getOutputStream()
                        .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] first = new byte[2048];
                int read = 0;
                while (read < first.length) {
                    int n = in.read(first, read, first.length - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                head = new String(first, 0, read, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(head).startsWith("HTTP/1.1 200");
        }

        UUID exportId() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("x-export-id:")) {
                    return UUID.fromString(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            throw new AssertionError("no X-Export-Id in " + head);
        }

        @Override
        public void close() {
            try {
                socket.setSoLinger(true, 0); // reset, as a client that gives up does
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
