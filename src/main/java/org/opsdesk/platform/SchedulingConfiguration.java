package org.opsdesk.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The default scheduler, {@code taskScheduler}, that runs the maintenance jobs (retention and purges, recounts,
 * rollups) on {@code opsdesk.scheduling.maintenance-threads} threads (2). Modules whose jobs must not wait behind
 * maintenance declare a scheduler of their own and name it in {@code @Scheduled(scheduler = …)}; with more than one
 * scheduler in the context, Spring takes this one, by its name, for every other job.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    @Primary
    ThreadPoolTaskScheduler taskScheduler(@Value("${opsdesk.scheduling.maintenance-threads:2}") int threads) {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix("maintenance-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }
}
