package org.opsdesk.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The provider call of an action approved by its checkers is made off the outbox relay: the relay's listener only
 * hands the invocation over and marks its call due, and the catalog's call worker makes it — so a slow provider
 * holds up no other event, and a call no worker made when it became due is still made once one runs.
 */
class ApprovedProviderCallsIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @AfterEach
    void releaseTheProvider() {
        var hold = TestWidgets.providerHolds;
        TestWidgets.providerHolds = null;
        if (hold != null) {
            hold.countDown();
        }
        calls().start();
    }

    /**
     * While the provider takes its time over an approved action, the relay goes on: a later approval of a local
     * action is relayed and applied before the provider answers. Failed before the call left the relay: the relay's
     * thread waited in the provider call, so the later approval stayed unapplied until the provider answered.
     */
    @Test
    void aSlowProviderHoldsUpNoOtherEventsRelay() {
        var hold = new CountDownLatch(1);
        TestWidgets.providerHolds = hold;
        var synced = TestWidgets.widget("active");
        UUID call = approve(synced, "test-widget.sync-checked");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestWidgets.SENDS.containsKey(call));

        relayGoesOn();
        assertThat(hold.getCount()).as("the provider has not answered yet").isEqualTo(1);
        assertThat(stage(call)).isEqualTo("at_provider");

        hold.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> stage(call).equals("applied"));
        assertThat(TestWidgets.SENDS.get(call)).isEqualTo(1);
        assertThat(TestWidgets.SENT.get(call)).containsEntry("widget", synced.id());
    }

    /**
     * The approval only records that the call is due: with no call worker running (its node stopped before making
     * the call), the invocation waits at the provider's stage unsent, and a worker that runs later makes the call
     * once and applies the answer. Failed before the call left the relay: the relay made the call itself.
     */
    @Test
    void aDueCallIsMadeOnceAWorkerRunsAgain() {
        calls().stop();
        var synced = TestWidgets.widget("active");
        UUID call = approve(synced, "test-widget.sync-checked");

        relayGoesOn(); // the approval, relayed before this later one, has been handed over by now
        assertThat(stage(call)).isEqualTo("at_provider");
        assertThat(TestWidgets.SENDS).doesNotContainKey(call);

        calls().start();
        await().atMost(Duration.ofSeconds(20)).until(() -> stage(call).equals("applied"));
        assertThat(TestWidgets.SENDS.get(call)).isEqualTo(1);
        assertThat(api().get("/api/v1/operations/" + call).json().get("status").asString())
                .isEqualTo("SUCCESS");
    }

    /** A later event goes through the relay: a local four-eyes action approved now is applied by its listener. */
    private void relayGoesOn() {
        var resumed = TestWidgets.widget("suspended");
        UUID later = approve(resumed, "test-widget.resume");
        await().atMost(Duration.ofSeconds(20)).until(() -> stage(later).equals("applied"));
        assertThat(TestWidgets.WIDGETS.get(resumed.id()).state()).isEqualTo("active");
    }

    /** Asks for a four-eyes action on the widget and has another person approve it; its operation id. */
    private UUID approve(TestWidgets.Widget widget, String action) {
        var asked = apiWith("action:" + action)
                .post("/api/v1/test-widgets/" + widget.id() + "/actions/" + action, "{\"reason\":\"checked\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var checker = apiWith("account_action:view", "account_action:approve");
        var approved = checker.post(
                "/api/v1/approvals/" + asked.json().at("/approvalRequest/id").asString() + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return UUID.fromString(asked.json().at("/operation/id").asString());
    }

    private String stage(UUID operation) {
        return api().get("/api/v1/operations/" + operation).json().get("stage").asString();
    }

    private SmartLifecycle calls() {
        return context.getBean("unansweredCalls", SmartLifecycle.class);
    }
}
