package org.opsdesk.platform.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** One scheduler thread for resubmitting event publications, apart from the maintenance jobs. */
@Configuration(proxyBeanMethods = false)
class EventPublicationScheduler {

    static final String NAME = "eventResubmissionScheduler";

    @Bean(name = NAME)
    ThreadPoolTaskScheduler eventResubmissionScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("event-resubmission-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }
}
