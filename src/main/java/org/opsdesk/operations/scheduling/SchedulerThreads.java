package org.opsdesk.operations.scheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A scheduler thread for the timers and one for the outbox relay, apart from the maintenance jobs (retention,
 * recounts, rollups), which run on the application's default {@code taskScheduler}: an hour-long purge or a slow
 * rollup must not hold up status changes reaching listeners, nor timers firing.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerThreads {

    public static final String TIMERS = "timerScheduler";
    public static final String RELAY = "outboxRelayScheduler";

    @Bean(name = TIMERS)
    ThreadPoolTaskScheduler timerScheduler() {
        return scheduler("timers-");
    }

    @Bean(name = RELAY)
    ThreadPoolTaskScheduler outboxRelayScheduler() {
        return scheduler("outbox-relay-");
    }

    private static ThreadPoolTaskScheduler scheduler(String threadPrefix) {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix(threadPrefix);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }
}
