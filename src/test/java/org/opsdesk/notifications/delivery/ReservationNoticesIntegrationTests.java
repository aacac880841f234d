package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.notifications.templates.MessageModel;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * The shipped {@code reservation} workflow end to end through the REST API: a confirmed reservation and a cancelled
 * one tell the client in their language with the place and time the reservation carries, and an unconfirmed hold is
 * released by its one-hour timer — which the client hears of too. The application's clock is moved past the hold
 * rather than waited for.
 */
class ReservationNoticesIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    private static final Instant STARTS_AT = Instant.parse("2026-12-24T19:30:00Z");

    @Test
    void aConfirmedReservationIsMailedToTheClientInPolishWithItsPlaceAndTime() throws Exception {
        String address = "rezerwacja-" + UUID.randomUUID() + "@example.com";
        String subject = client("pl", address);
        var reservation = reservation(subject);
        String id = create(reservation).get("id").asString();

        var confirmed = transition(id, "confirmed", null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        var mail = Mailbox.await(smtp, address, m -> true);
        assertThat(mail.getSubject()).isEqualTo("Twoja rezerwacja " + reservation.reference() + " jest potwierdzona");
        String text = Mailbox.alternatives(mail)[0];
        assertThat(text)
                .contains("Dzień dobry, Ana Souza,")
                .contains("Termin: " + MessageModel.time(STARTS_AT, "pl"))
                .contains("Przedmiot rezerwacji: Stolik dla 4 osób przy oknie")
                .doesNotContain("2026-12-24T19:30:00Z");
    }

    @Test
    void aCancelledReservationTellsTheClientWhy() throws Exception {
        String address = "reserva-" + UUID.randomUUID() + "@example.com";
        String subject = client("pt-BR", address);
        var reservation = reservation(subject);
        String id = create(reservation).get("id").asString();
        assertThat(transition(id, "confirmed", null).status()).isEqualTo(200);

        var cancelled = transition(id, "cancelled", "A cozinha fecha mais cedo na véspera de Natal");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        var mail = Mailbox.await(smtp, address, m -> Mailbox.subject(m).contains("cancelada"));
        assertThat(mail.getSubject()).isEqualTo("Sua reserva " + reservation.reference() + " foi cancelada");
        assertThat(Mailbox.alternatives(mail)[0]).contains("Motivo: A cozinha fecha mais cedo na véspera de Natal");
    }

    @Test
    void cancellingWithoutAReasonIsRefusedAndChangesNothing() {
        String id = create(reservation(client("en", "r-" + UUID.randomUUID() + "@example.com")))
                .get("id")
                .asString();

        var refused = transition(id, "cancelled", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(operation(id).get("stage").asString()).isEqualTo("requested");
    }

    @Test
    void anUnconfirmedHoldIsReleasedAfterAnHourAndTheClientIsTold() throws Exception {
        String address = "hold-" + UUID.randomUUID() + "@example.com";
        String subject = client("nl", address);
        var reservation = reservation(subject);
        var created = create(reservation);
        String id = created.get("id").asString();
        assertThat(Duration.between(
                        Instant.parse(created.get("createdAt").asString()),
                        Instant.parse(created.get("dueAt").asString())))
                .isEqualTo(Duration.ofHours(1));

        clock().advance(Duration.ofMinutes(61));

        var released = await().atMost(Duration.ofSeconds(15))
                .until(() -> operation(id), o -> o.get("stage").asString().equals("hold_released"));
        assertThat(released.get("status").asString()).isEqualTo("REJECTED");
        var mail = Mailbox.await(smtp, address, m -> true);
        assertThat(mail.getSubject())
                .isEqualTo("Uw reserveringsaanvraag " + reservation.reference() + " kon niet worden vastgehouden");
        assertThat(transition(id, "confirmed", null).status())
                .as("a released hold cannot be confirmed afterwards")
                .isEqualTo(409);
    }

    private static Operations reservation(String subject) {
        return Operations.of("reservation")
                .subject(subject)
                .amount("80.00", "EUR")
                .attributes("{\"place\":\"Stolik dla 4 osób przy oknie\",\"startsAt\":\"" + STARTS_AT + "\"}");
    }

    private String client(String locale, String address) {
        return TestClients.create(api(), locale, "\"email\":\"" + address + "\"", "email", true);
    }

    private JsonNode operation(String id) {
        return api().get("/api/v1/operations/" + id).json();
    }
}
