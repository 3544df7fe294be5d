package org.evergreen.shared;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's lazy log messages stay lazy: a message below the logger's level is never rendered. */
class CommonsLoggingTest {

    @Test
    void commonsLoggingGoesThroughLog4jApiWhichChecksTheLevelFirst() {
        assertThat(LogFactory.getFactory().getClass().getName()).isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
        AtomicInteger rendered = new AtomicInteger();
        // Spring's own packages log at INFO (Spring Boot's default), so TRACE is off here.
        LogFactory.getLog("org.springframework.security.authorization.method.Example")
                .trace(LogMessage.of(() -> "rendered " + rendered.incrementAndGet()));
        assertThat(rendered).hasValue(0);
    }
}
