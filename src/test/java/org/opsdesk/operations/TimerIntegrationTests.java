package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

/** The test workflows directory gives exchange_order a 2-second payment deadline (PT2S) instead of PT15M. */
class TimerIntegrationTests extends IntegrationTest {

    @Test
    void expiresAnUnpaidExchangeOrderOnceAfterItsDeadline() throws InterruptedException {
        var created = create(Operations.exchangeOrder());
        String id = created.get("id").asString();
        Instant due = Instant.parse(created.get("dueAt").asString());
        assertThat(Duration.between(Instant.parse(created.get("createdAt").asString()), due))
                .isEqualTo(Duration.ofSeconds(2));

        var operation = created;
        long deadline = System.currentTimeMillis() + 15_000;
        while (!operation.get("stage").asString().equals("expired") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            operation = api().get("/api/v1/operations/" + id).json();
        }

        assertThat(operation.get("stage").asString()).isEqualTo("expired");
        assertThat(operation.get("status").asString()).isEqualTo("REJECTED");
        assertThat(operation.get("dueAt").isNull()).isTrue();
        Thread.sleep(1_000); // several more polls: it must not fire again
        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        assertThat(history).hasSize(2);
        var expiry = history.get(1);
        assertThat(expiry.get("actor").get("kind").asString()).isEqualTo("timer");
        assertThat(expiry.get("to").get("stage").asString()).isEqualTo("expired");
        assertThat(expiry.get("reason").asString()).contains("PT2S");
        assertThat(Instant.parse(expiry.get("at").asString())).isAfterOrEqualTo(due);
    }

    @Test
    void doesNotExpireAnOrderThatWasPaidInTime() throws InterruptedException {
        String id = create(Operations.exchangeOrder()).get("id").asString();
        assertThat(transition(id, "funds_received", null).status()).isEqualTo(200);

        Thread.sleep(2_600);

        assertThat(api().get("/api/v1/operations/" + id).json().get("stage").asString())
                .isEqualTo("funds_received");
    }
}
