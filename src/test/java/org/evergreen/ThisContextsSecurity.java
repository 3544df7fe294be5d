package org.evergreen;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every Spring context with Vaadin installs its own security-context strategy into the static
 * {@link SecurityContextHolder} when it starts, and its method security reads from that instance. Tests that
 * start further contexts (restarts, the browser tests) would leave the shared test context reading from a
 * strategy nobody writes to; so before each test the test's own context's strategy is put back.
 */
public class ThisContextsSecurity implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        SecurityContextHolder.setContextHolderStrategy(SpringExtension.getApplicationContext(extensionContext)
                .getBean(SecurityContextHolderStrategy.class));
        SecurityContextHolder.clearContext();
    }
}
