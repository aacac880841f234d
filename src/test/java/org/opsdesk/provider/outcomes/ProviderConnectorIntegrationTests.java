package org.opsdesk.provider.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.provider.FakeProvider;
import org.opsdesk.provider.FakeProvider.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connector against a real HTTP server on 127.0.0.1 standing in for the provider: what it sends (signed, with
 * the credentials and the operation id as Idempotency-Key on every try), how it reads done / failed / accepted /
 * anything else, when it retries, and how an outcome it could not learn is handed to the resolver and later
 * resolved by a poll.
 */
class ProviderConnectorIntegrationTests extends ProviderIntegrationTest {

    @Autowired
    OutcomeResolver resolver;

    @Test
    void sendsASignedRequestWithCredentialsAndIdempotencyKeyAndReadsDone() throws Exception {
        UUID operation = operation();
        provider.replies(Reply.of(200, "{\"outcome\":\"done\",\"result\":{\"balance\":\"125.40\",\"gone\":null}}"));

        var answer = gateway.send(operation, "account.read-balance", Map.of("account", "0001-7"));

        assertThat(gateway.configured()).isTrue();
        assertThat(answer).isEqualTo(new ProviderAnswer.Done(Map.of("balance", "125.40")));
        var seen = provider.seen("/actions/account.read-balance");
        assertThat(seen).hasSize(1);
        var request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/provider/actions/account.read-balance");
        assertThat(request.body()).isEqualTo("{\"account\":\"0001-7\"}");
        assertThat(request.header("Idempotency-Key")).isEqualTo(operation.toString());
        assertThat(request.header("X-Provider-Key")).isEqualTo("test-provider-credentials");
        new Webhook(PROVIDER_SECRET).verify(request.body(), headersOf(request)); // throws unless signed right
        assertThat(store.find(operation)).as("nothing left to wait for").isEmpty();
    }

    @Test
    void readsFailedWithTheProvidersReasonAndRefusalsWithTheirStatus() {
        provider.replies(
                Reply.of(422, "{\"outcome\":\"failed\",\"reason\":\"account is blocked at the provider\"}"),
                Reply.of(200, "{\"outcome\":\"failed\",\"reason\":\"limit exceeded\"}"),
                Reply.of(400, "{\"error\":\"bad\"}"),
                Reply.of(403, ""));

        assertThat(gateway.send(operation(), "account.suspend", Map.of()))
                .isEqualTo(new ProviderAnswer.Failed("account is blocked at the provider"));
        assertThat(gateway.send(operation(), "account.suspend", Map.of()))
                .isEqualTo(new ProviderAnswer.Failed("limit exceeded"));
        assertThat(gateway.send(operation(), "account.suspend", Map.of()))
                .isEqualTo(new ProviderAnswer.Failed("the provider refused the request (HTTP 400)"));
        assertThat(gateway.send(operation(), "account.suspend", Map.of()))
                .isEqualTo(new ProviderAnswer.Failed("the provider refused the request (HTTP 403)"));
        assertThat(provider.seen("/actions/account.suspend"))
                .as("a 4xx is never tried again")
                .hasSize(4);
    }

    @Test
    void triesAgainAfter5xxWithTheSameIdempotencyKey() {
        UUID operation = operation();
        provider.replies(
                Reply.of(503, ""), Reply.of(502, "<html>bad gateway</html>"), Reply.of(200, "{\"outcome\":\"done\"}"));

        var answer = gateway.send(operation, "account.sync-status", Map.of());

        assertThat(answer).isEqualTo(new ProviderAnswer.Done(Map.of()));
        var seen = provider.seen("/actions/account.sync-status");
        assertThat(seen).hasSize(3);
        assertThat(seen).extracting(s -> s.header("Idempotency-Key")).containsOnly(operation.toString());
        assertThat(seen).extracting(s -> s.header("webhook-id")).containsOnly(operation.toString());
    }

    @Test
    void fiveHundredsUntilTheTriesAreSpentLeaveTheOutcomePendingForTheResolver() {
        UUID operation = operation();
        provider.replies(Reply.of(500, ""), Reply.of(500, ""), Reply.of(500, ""), Reply.of(200, "{}"));

        var answer = gateway.send(operation, "account.sync-status", Map.of());

        assertThat(answer).isInstanceOf(ProviderAnswer.Pending.class);
        assertThat(((ProviderAnswer.Pending) answer).why()).contains("HTTP 500");
        assertThat(provider.seen("/actions/account.sync-status")).hasSize(3); // max-attempts
        var pending = store.find(operation).orElseThrow();
        assertThat(pending.state()).isEqualTo(PendingOutcome.State.PENDING);
        assertThat(pending.nextCheckAt()).isAfter(clock().instant().plusSeconds(50));
    }

    @Test
    void aSlowProviderTimesOutIntoPendingAndAPollResolvesItOnceTheClockReachesTheCheck() {
        UUID operation = operation();
        provider.replies(
                new Reply(200, "{\"outcome\":\"done\"}", Duration.ofSeconds(3)),
                new Reply(200, "{\"outcome\":\"done\"}", Duration.ofSeconds(3)),
                new Reply(200, "{\"outcome\":\"done\"}", Duration.ofSeconds(3)));
        long started = System.nanoTime();

        var answer = gateway.send(operation, "account.read-balance", Map.of());

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("bounded by the total timeout")
                .isLessThan(Duration.ofMillis(4_000));
        assertThat(answer).isInstanceOf(ProviderAnswer.Pending.class);
        assertThat(provider.seen("/actions/account.read-balance"))
                .extracting(s -> s.header("Idempotency-Key"))
                .containsOnly(operation.toString());
        provider.status(path -> path.endsWith("/actions/account.read-balance/" + operation)
                ? Reply.of(200, "{\"outcome\":\"done\",\"result\":{\"balance\":\"9.99\"}}")
                : Reply.of(404, ""));
        sleepABit();
        assertThat(outcomes.of(operation)).as("not due before its first check").isEmpty();

        clock().advance(Duration.ofMinutes(1).plusSeconds(1));

        // the event is heard inside the resolver's transaction, before it commits: wait for the stored end instead
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.find(operation).orElseThrow().state() != PendingOutcome.State.PENDING);
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().source()).isEqualTo("poll");
        assertThat(heard.get(0).outcome().answer()).isEqualTo(new ProviderAnswer.Done(Map.of("balance", "9.99")));
        assertThat(heard.get(0).inTransaction()).isTrue();
        var resolved = store.find(operation).orElseThrow();
        assertThat(resolved.state()).isEqualTo(PendingOutcome.State.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("poll");
        assertThat(resolved.checksDone()).isEqualTo(1);
        var query = provider.seen("/actions/account.read-balance/" + operation).get(0);
        assertThat(query.method()).isEqualTo("GET");
        assertThat(query.header("Idempotency-Key")).isEqualTo(operation.toString());
        assertThat(store.logKinds(operation)).containsExactly("pending", "resolved");
    }

    @Test
    void unexpectedAnswersAreUnknownNeverACrashNorASuccess() {
        provider.replies(
                Reply.of(200, "not json at all"),
                Reply.of(200, "{\"outcome\":\"maybe\"}"),
                Reply.of(200, "{\"outcome\":\"done\",\"result\":[1,2]}"),
                Reply.of(200, "{\"outcome\":\"done\",\"result\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}"),
                Reply.of(302, ""),
                Reply.of(202, "{\"outcome\":\"accepted\"}"));

        for (int i = 0; i < 6; i++) {
            UUID operation = operation();
            var answer = gateway.send(operation, "account.read-balance", Map.of());
            assertThat(answer).as("answer %d", i).isInstanceOf(ProviderAnswer.Pending.class);
            assertThat(store.find(operation)).as("waited for, answer %d", i).isPresent();
        }
    }

    @Test
    void twoClaimersTakeEachDueRowOnce() throws Exception {
        var far = clock().instant().plus(Duration.ofDays(3650)); // out of the running application's reach
        var rows = new java.util.HashSet<UUID>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            rows.add(id);
            store.insert(id, "account.sync-status", "test", far, far);
        }
        var later = java.time.Clock.fixed(far.plusSeconds(1), java.time.ZoneOffset.UTC);
        var first = new ResolverWorker("node-a", store, resolver, later, Duration.ofMinutes(1));
        var second = new ResolverWorker("node-b", store, resolver, later, Duration.ofMinutes(1));
        var claimedByA = new java.util.concurrent.CopyOnWriteArrayList<UUID>();
        var claimedByB = new java.util.concurrent.CopyOnWriteArrayList<UUID>();
        var a = new Thread(() -> drain(first, claimedByA, rows));
        var b = new Thread(() -> drain(second, claimedByB, rows));
        a.start();
        b.start();
        a.join(20_000);
        b.join(20_000);

        assertThat(claimedByA).isNotEmpty();
        assertThat(claimedByB).isNotEmpty();
        assertThat(claimedByA).doesNotHaveDuplicates().doesNotContainAnyElementsOf(claimedByB);
        var all = new java.util.HashSet<>(claimedByA);
        all.addAll(claimedByB);
        assertThat(all).isEqualTo(rows);
        jdbc.sql("delete from provider.pending_outcome where operation_id in (:ids)")
                .param("ids", List.copyOf(rows))
                .update();
        // the test's claimers also claimed other tests' pending rows (due by their far clock): give them back
        jdbc.sql("update provider.pending_outcome set claim_token = null, lease_owner = null, lease_until = null"
                        + " where lease_owner in ('node-a', 'node-b')")
                .update();
    }

    private static void drain(ResolverWorker worker, List<UUID> claimed, java.util.Set<UUID> ours) {
        while (true) {
            var next = worker.claim();
            if (next.isEmpty()) {
                return;
            }
            if (ours.contains(next.get().operationId())) {
                claimed.add(next.get().operationId());
            }
        }
    }

    private static Map<String, List<String>> headersOf(FakeProvider.Seen request) {
        return Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
    }

    private static void sleepABit() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
