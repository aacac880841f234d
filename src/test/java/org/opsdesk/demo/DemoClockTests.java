package org.opsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoClockTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final DemoClock clock = new DemoClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsThePastOnlyOnTheSeedingThreadWhileItReplaysAnAction() throws Exception {
        Instant past = NOW.minus(Duration.ofDays(12));

        Instant[] seen = clock.at(past, () -> new Instant[] {
            clock.instant(), CompletableFuture.supplyAsync(clock::instant).join()
        });

        assertThat(seen[0]).as("the seeding thread").isEqualTo(past);
        assertThat(seen[1]).as("any other thread meanwhile").isEqualTo(NOW);
        assertThat(clock.instant()).as("the seeding thread afterwards").isEqualTo(NOW);
    }

    @Test
    void refusesToDateAnythingInTheFuture() {
        assertThatThrownBy(() -> clock.at(NOW.plusSeconds(1), clock::instant))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void isInstalledInDemoModeOnly() {
        Clock application = Clock.systemUTC();

        assertThat(installer("opsdesk.demo", "false").postProcessAfterInitialization(application, "clock"))
                .isSameAs(application);
        assertThat(installer("spring.datasource.url", "jdbc:postgresql://db/opsdesk")
                        .postProcessAfterInitialization(application, "clock"))
                .as("an external database, demo not asked for")
                .isSameAs(application);
        assertThat(installer("opsdesk.demo", "true").postProcessAfterInitialization(application, "clock"))
                .isInstanceOf(DemoClock.class);
    }

    private static DemoClockInstaller installer(String property, String value) {
        var installer = new DemoClockInstaller();
        installer.setEnvironment(new MockEnvironment().withProperty(property, value));
        return installer;
    }
}
