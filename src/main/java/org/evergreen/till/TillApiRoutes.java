package org.evergreen.till;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/** Paths under the till API that no endpoint serves. */
@Configuration(proxyBeanMethods = false)
class TillApiRoutes {

    /**
     * Consulted after the API's controllers (order 0), which refuse a wrong method or media type on their own paths, and
     * before the portal's pages (lowest precedence), which would otherwise answer an unknown API path with a web page.
     */
    @Bean
    SimpleUrlHandlerMapping tillApiUnknownPaths(TillApiProblems problems) {
        return new SimpleUrlHandlerMapping(Map.of("/api/v1/**", problems.notFound()), 1);
    }
}
