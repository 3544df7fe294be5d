package org.evergreen.shared.events;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;

/**
 * Where the application module listeners run: a few threads of their own, each holding at most one database connection,
 * with the deliveries still to make queued in memory. Left to Spring's default (a virtual thread per delivery), a burst
 * of purchases started thousands of listeners at once that took every pooled connection, and the tills were told 503.
 * A queue lost at shutdown loses nothing: each delivery is also a row of the event publication registry, made again at
 * the next start (ADR 0018). {@code @Async} serves nothing else here. The executor is not a bean on purpose: one would
 * displace Spring Boot's {@code applicationTaskExecutor}, which the integrity checks run on.
 */
@Component
class EventListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerExecution(@Value("${evergreen.events.listener-threads:8}") int threads) {
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("event-listener-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
