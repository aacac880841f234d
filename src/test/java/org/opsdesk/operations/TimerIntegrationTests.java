package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * The test workflows directory gives exchange_order a 2-second payment deadline (PT2S) instead of PT15M; the tests
 * move the application's clock past it rather than wait for it.
 */
class TimerIntegrationTests extends IntegrationTest {

    @Test
    void expiresAnUnpaidExchangeOrderOnceAfterItsDeadline() {
        var created = create(Operations.exchangeOrder());
        String id = created.get("id").asString();
        Instant due = Instant.parse(created.get("dueAt").asString());
        assertThat(Duration.between(Instant.parse(created.get("createdAt").asString()), due))
                .isEqualTo(Duration.ofSeconds(2));

        clock().advance(Duration.ofSeconds(3));
        var operation = await().atMost(Duration.ofSeconds(15))
                .until(() -> operation(id), o -> o.get("stage").asString().equals("expired"));

        assertThat(operation.get("stage").asString()).isEqualTo("expired");
        assertThat(operation.get("status").asString()).isEqualTo("REJECTED");
        assertThat(operation.get("dueAt").isNull()).isTrue();
        // it must not fire again: a later order's timer fires in a poll after this one's, and this one stays put
        expireAnotherOrder();
        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        assertThat(history).hasSize(2);
        var expiry = history.get(1);
        assertThat(expiry.get("actor").get("kind").asString()).isEqualTo("timer");
        assertThat(expiry.get("to").get("stage").asString()).isEqualTo("expired");
        assertThat(expiry.get("reason").asString()).contains("PT2S");
        assertThat(Instant.parse(expiry.get("at").asString())).isAfterOrEqualTo(due);
    }

    @Test
    void doesNotExpireAnOrderThatWasPaidInTime() {
        String id = create(Operations.exchangeOrder()).get("id").asString();
        assertThat(transition(id, "funds_received", null).status()).isEqualTo(200);

        expireAnotherOrder(); // a later order's deadline has passed and fired, so this one's would have too

        assertThat(api().get("/api/v1/operations/" + id).json().get("stage").asString())
                .isEqualTo("funds_received");
    }

    /** Creates an unpaid order, moves the clock past its deadline and waits until the timer has expired it. */
    private void expireAnotherOrder() {
        String later = create(Operations.exchangeOrder()).get("id").asString();
        clock().advance(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> operation(later).get("stage").asString(), "expired"::equals);
    }

    private JsonNode operation(String id) {
        return api().get("/api/v1/operations/" + id).json();
    }
}
