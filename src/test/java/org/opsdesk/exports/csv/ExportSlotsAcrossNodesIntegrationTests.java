package org.opsdesk.exports.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.Actor;
import org.opsdesk.support.IntegrationTest;

/**
 * The per-principal export limit holds across nodes: two nodes' slot keepers (each with its own per-node count, as
 * two application instances have) on the one database never give one principal more than its two exports at once,
 * a finished export frees its slot for any node, and a node that dies mid-export (never closes, stops renewing)
 * holds its slots only until their lease has passed.
 */
class ExportSlotsAcrossNodesIntegrationTests extends IntegrationTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private ExportSlots node() {
        return new ExportSlots(4, 2, new PrincipalExportLeases(jdbc, clock(), LEASE));
    }

    private static Actor someone() {
        return Actor.system("exporter-" + UUID.randomUUID());
    }

    @Test
    void givesAPrincipalAtMostItsLimitOverBothNodesAndFreesASlotForEitherWhenAnExportEnds() {
        var first = node();
        var second = node();
        var alice = someone();

        var one = first.tryTake(alice);
        var two = second.tryTake(alice);
        assertThat(one).isPresent();
        assertThat(two).isPresent();
        assertThat(first.tryTake(alice)).as("a third export on the first node").isEmpty();
        assertThat(second.tryTake(alice))
                .as("a third export on the second node")
                .isEmpty();
        assertThat(second.tryTake(someone()))
                .as("another principal is not held back")
                .isPresent();

        one.get().close();
        one.get().close(); // closing twice frees once
        var three = second.tryTake(alice);
        assertThat(three).as("the slot the first node freed").isPresent();
        assertThat(first.tryTake(alice)).isEmpty();
    }

    @Test
    void aNodeThatDiesMidExportHoldsItsSlotsOnlyUntilTheirLeasePasses() {
        var dying = node();
        var surviving = node();
        var alice = someone();
        assertThat(dying.tryTake(alice)).isPresent();
        assertThat(dying.tryTake(alice)).isPresent();

        clock().advance(LEASE.minusSeconds(5));
        assertThat(surviving.tryTake(alice)).as("the leases still run").isEmpty();

        clock().advance(Duration.ofSeconds(10));
        assertThat(surviving.tryTake(alice))
                .as("the dead node's lease has passed")
                .isPresent();
    }

    @Test
    void aRunningExportRenewsItsLeaseSoItsSlotIsNotTakenOverWhileItRuns() {
        var leases = new PrincipalExportLeases(jdbc, clock(), LEASE);
        var busy = new ExportSlots(4, 1, leases);
        var other = new ExportSlots(4, 1, new PrincipalExportLeases(jdbc, clock(), LEASE));
        var alice = someone();
        assertThat(busy.tryTake(alice)).isPresent();

        for (int i = 0; i < 4; i++) {
            clock().advance(Duration.ofSeconds(20));
            leases.renewRunning();
        }
        assertThat(other.tryTake(alice))
                .as("80 s later, still running and renewed")
                .isEmpty();
    }
}
