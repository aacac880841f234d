package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deliveries respect type scoping (issue 11): {@code notifications:view/manage} and {@code webhooks:view} read and
 * resend only deliveries of operation types the caller may view, and an endpoint receives only changes of types
 * its registrant may view. Both failed before: global permissions crossed every type.
 */
class DeliveryScopeIntegrationTests extends IntegrationTest {

    @Autowired
    WebhookAdministration webhooks;

    private WebhookReceiver receiver;
    private final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        endpoints.forEach(id -> webhooks.disableAutomatically(UUID.fromString(id), "test over"));
        receiver.close();
    }

    @Test
    void hidesAndRefusesDeliveriesOfTypesTheReaderMayNotView() throws Exception {
        String endpoint = register(api());
        String withdrawal = create(Operations.withdrawal()).get("id").asString();
        String deposit = create(Operations.of("deposit").amount("10.00", "EUR"))
                .get("id")
                .asString();
        String withdrawalDelivery = awaitDelivery(withdrawal, endpoint);
        String depositDelivery = awaitDelivery(deposit, endpoint);
        var reader = apiWith("notifications:view", "notifications:manage", "webhooks:view", "deposit:view");

        assertThat(ids(reader.get("/api/v1/notifications?limit=500")))
                .contains(depositDelivery)
                .doesNotContain(withdrawalDelivery);
        assertThat(ids(reader.get("/api/v1/notifications?operationId=" + withdrawal)))
                .isEmpty();
        assertThat(ids(reader.get("/api/v1/webhooks/" + endpoint + "/deliveries")))
                .contains(depositDelivery)
                .doesNotContain(withdrawalDelivery);
        assertThat(reader.get("/api/v1/notifications/" + withdrawalDelivery).status())
                .isEqualTo(404);
        assertThat(reader.post("/api/v1/notifications/" + withdrawalDelivery + "/resend", "")
                        .status())
                .isEqualTo(404);
        assertThat(reader.get("/api/v1/notifications/" + depositDelivery).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/notifications/" + withdrawalDelivery).status())
                .isEqualTo(200);
    }

    @Test
    void plansDeliveriesOnlyForTypesTheRegistrantMayView() throws Exception {
        String everything = register(api());
        String depositsOnly = register(apiWith("webhooks:manage", "deposit:view"));
        String withdrawal = create(Operations.withdrawal()).get("id").asString();
        String deposit = create(Operations.of("deposit").amount("10.00", "EUR"))
                .get("id")
                .asString();

        awaitDelivery(withdrawal, everything); // both changes were relayed
        awaitDelivery(deposit, everything);

        assertThat(deliveries(deposit, depositsOnly)).isEqualTo(1);
        assertThat(deliveries(withdrawal, depositsOnly))
                .as("its registrant may not view withdrawals")
                .isZero();
    }

    private String register(ApiClient registrant) {
        var created = registrant.post(
                "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"operation.status_changed\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        endpoints.add(id);
        return id;
    }

    private String awaitDelivery(String operationId, String endpoint) throws InterruptedException {
        WebhookReceiver.await(
                "a delivery of " + operationId + " to " + endpoint, () -> deliveries(operationId, endpoint) == 1);
        return jdbc.sql("select id::text from notifications.delivery where operation_id = ? and recipient = ?")
                .params(UUID.fromString(operationId), endpoint)
                .query(String.class)
                .single();
    }

    private long deliveries(String operationId, String endpoint) {
        return jdbc.sql("select count(*) from notifications.delivery where operation_id = ? and recipient = ?")
                .params(UUID.fromString(operationId), endpoint)
                .query(Long.class)
                .single();
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
