package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingThreadTests {

    @Test
    void aWakeDrainsAtOnceRatherThanAtTheNextTick() throws InterruptedException {
        var drained = new CountDownLatch(1);
        var thread = new PollingThread("wake-test", Duration.ofHours(1), () -> {
            drained.countDown();
            return false;
        });
        thread.start();
        try {
            thread.wake();
            assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.stop();
        }
    }

    @Test
    void aStoppedPollerIgnoresAWake() throws InterruptedException {
        var rounds = new AtomicInteger();
        var thread = new PollingThread("wake-test", Duration.ofHours(1), () -> {
            rounds.incrementAndGet();
            return false;
        });
        thread.start();
        thread.stop();
        thread.wake();
        Thread.sleep(100);
        assertThat(rounds).hasValue(0);
        assertThat(thread.isRunning()).isFalse();
    }
}
