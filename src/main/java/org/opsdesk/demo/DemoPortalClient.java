package org.opsdesk.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangeDesk;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.portal.VerifiedPerson;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.DemoMode;
import org.opsdesk.shared.FirstStartCredentials;
import org.opsdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's portal client, once: Anna Nowak of Warsaw (a valid PESEL, payout accounts in PLN and EUR), enrolled
 * eight days ago with email and phone verified and consent to both channels, approved by the demo compliance officer
 * through her {@code kyc_verification} operation; and three orders of hers through the desk, in the past where they
 * are (ADR 0020): one completed on a manual pair (the cashier confirmed the payment, released the payout and
 * confirmed completion), one expired by its timer, and one awaiting payment now. Her password is generated and
 * written once to the first-start credentials file beside the operators'; the log says where, and where to sign in.
 * A client with her email address already registered (a restart, or another instance) is left alone; a desk that
 * cannot take her orders (configured otherwise than the demo's) keeps nothing of her and says so in the log.
 */
@Component
@Order(30)
class DemoPortalClient implements ApplicationRunner {

    static final String EMAIL = "anna.nowak@demo.opsdesk.invalid";

    private static final Logger LOG = LoggerFactory.getLogger(DemoPortalClient.class);
    private static final Duration ENROLLED = Duration.ofDays(8);

    private final PortalClients clients;
    private final ExchangeDesk desk;
    private final OperationCommands commands;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Environment environment;
    private final Path dataDirectory;

    DemoPortalClient(
            PortalClients clients,
            ExchangeDesk desk,
            OperationCommands commands,
            TransactionTemplate transactions,
            Clock clock,
            Environment environment,
            @Value("${opsdesk.data-dir}") Path dataDirectory) {
        this.clients = clients;
        this.desk = desk;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.environment = environment;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || clients.registered(EMAIL)) {
            return;
        }
        if (!(clock instanceof DemoClock demoClock)) {
            throw new IllegalStateException("demo mode without the demo clock: " + clock.getClass());
        }
        String password = FirstStartCredentials.generatedPassword();
        @Nullable Created created;
        try {
            // her whole past in one transaction: the timer worker never sees an order of hers due but not yet expired
            created = transactions.execute(status -> create(demoClock, password));
        } catch (ProblemException | IllegalStateException refused) {
            // a desk configured otherwise than the demo's (no GBP/PLN, say): nothing of her is kept, and the app runs
            LOG.warn("The demo portal client was not created: the desk refused her orders ({})", refused.getMessage());
            return;
        }
        if (created == null) {
            LOG.info("The demo portal client {} was enrolled by another instance", EMAIL);
            return;
        }
        String signIn = siteUrl() + "/portal/sign-in";
        Path file = FirstStartCredentials.append(
                dataDirectory,
                List.of("demo portal client (sign in at " + signIn + "): " + EMAIL + " password: " + password),
                demoClock.realNow());
        LOG.warn(
                "\n\n  Created the demo portal client {} with {} orders: sign in at {} with the password written"
                        + " to {}.\n",
                EMAIL,
                created.orders(),
                signIn,
                file);
    }

    private record Created(PortalClient client, int orders) {}

    private @Nullable Created create(DemoClock demoClock, String password) {
        Instant now = demoClock.realNow();
        Instant enrolled = now.minus(ENROLLED);
        var client = demoClock.at(enrolled, () -> clients.enrolVerified(anna(password)));
        if (client.isEmpty()) {
            return null;
        }
        verify(demoClock, client.get(), enrolled);
        String subject = client.get().subject();
        completedOrder(demoClock, subject, now.minus(Duration.ofDays(5)));
        expiredOrder(demoClock, subject, now.minus(Duration.ofDays(2)));
        // paid in euros (a day's window in the demo desk, and an EPC QR code on its page): awaiting payment now
        desk.placePortalOrder(subject, "EUR", "PLN", "sell", "300.00", "EUR");
        return new Created(client.get(), 3);
    }

    /** The compliance officer takes her verification and approves it within the hour. */
    private void verify(DemoClock demoClock, PortalClient client, Instant enrolled) {
        UUID kyc = client.kycOperationId();
        if (kyc == null) {
            throw new IllegalStateException("the demo client was not handed to compliance");
        }
        Actor compliance = DemoDesk.COMPLIANCE_OFFICER;
        demoClock.at(enrolled.plus(Duration.ofMinutes(40)), () -> commands.claim(kyc, null, compliance));
        demoClock.at(
                enrolled.plus(Duration.ofMinutes(55)),
                () -> commands.transition(
                        kyc, "verified", "PESEL, ID card and address checked", null, null, compliance));
    }

    /** GBP/PLN is worked by hand: the cashier confirms the payment, releases the payout and confirms completion. */
    private void completedOrder(DemoClock demoClock, String subject, Instant placed) {
        UUID order = demoClock.at(placed, () -> desk.placePortalOrder(subject, "GBP", "PLN", "sell", "400.00", "GBP"));
        demoClock.at(placed.plus(Duration.ofMinutes(9)), () -> commands.claim(order, null, DemoDesk.CASHIER));
        move(demoClock, order, "funds_received", "GBP 400.00 on the office's statement", placed.plusSeconds(600));
        move(demoClock, order, "payout_pending", "payout of PLN released", placed.plusSeconds(1500));
        move(demoClock, order, "completed", "payout booked by the bank", placed.plus(Duration.ofHours(2)));
    }

    /** Paid in złoty (a 15-minute window) but never paid: its timer expired it at the deadline. */
    private void expiredOrder(DemoClock demoClock, String subject, Instant placed) {
        UUID order = demoClock.at(placed, () -> desk.placePortalOrder(subject, "EUR", "PLN", "buy", "250.00", "EUR"));
        demoClock.at(placed.plus(Duration.ofMinutes(16)), () -> {
            commands.fireTimer(order);
            return order;
        });
    }

    private void move(DemoClock demoClock, UUID order, String to, String reason, Instant at) {
        var moved = demoClock.at(at, () -> commands.transition(order, to, reason, null, null, DemoDesk.CASHIER));
        if (!moved.applied()) {
            throw new IllegalStateException("the demo's move of " + order + " to " + to + " waits for approval");
        }
    }

    /** A Warsaw resident born 12 March 1985, her PESEL valid; her złoty at mBank, her euros at PKO BP. */
    private static VerifiedPerson anna(String password) {
        return new VerifiedPerson(
                "Anna",
                "Nowak",
                LocalDate.of(1985, 3, 12),
                "85031212343",
                "ul. Nowy Świat 15/3",
                "00-029",
                "Warszawa",
                EMAIL,
                "+48 500 600 700",
                password,
                "pl",
                Map.of(
                        "PLN", DemoExchangeDesk.polishIban("11402004", 500_001),
                        "EUR", DemoExchangeDesk.polishIban("10201026", 500_002)),
                true,
                true);
    }

    /** Where clients reach the portal: the configured public address, or this instance's port on this machine. */
    private String siteUrl() {
        String configured = environment.getProperty("opsdesk.portal.public-url", "");
        if (!configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
