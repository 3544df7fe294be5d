package org.evergreen.till;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.evergreen.shared.database.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The API's error boundary below Spring MVC: every refusal of a request under {@code /api/} is a problem detail, also
 * when the servlet container or the security firewall refused it before any of the API's code ran (ADR 0017).
 * <ul>
 *   <li>the security firewall's refusal of a non-canonical path ({@code /./}, {@code ..;/}, {@code //}, {@code ;param}):
 *       {@code invalid-path}, where it used to be sent to the container's error page and from there to the sign-in page;</li>
 *   <li>an error the container sends to its error page (TRACE, an exception thrown by a filter): a problem for its status,
 *       before the security chain of the portal can redirect the error page to the sign-in page;</li>
 *   <li>what the container's connector refuses before it picks an application (an encoded slash or NUL, a header over
 *       the size limit): a problem from the container's own error report, which this replaces for API paths.</li>
 * </ul>
 * Also: the API's description is served as {@code application/yaml}.
 */
@Configuration(proxyBeanMethods = false)
class TillApiErrorPages {

    private static final Logger log = LoggerFactory.getLogger(TillApiErrorPages.class);

    @Bean
    RequestRejectedHandler requestRejectedHandler(TillApiProblems problems) {
        RequestRejectedHandler portal = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (TillApiProblems.isApiPath(request.getRequestURI())) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-path");
            } else {
                portal.handle(request, response, rejected);
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tillApiErrorDispatch(TillApiProblems problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getDispatcherType() != DispatcherType.ERROR
                        || !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path && TillApiProblems.isApiPath(path));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
                if (failure instanceof Throwable thrown && DatabaseOutages.isOutage(thrown)) {
                    problems.writeServiceUnavailable(request, response);
                    return;
                }
                int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
                if (failure instanceof Throwable thrown) {
                    log.error("Till API error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
                }
                problems.write(request, response, HttpStatusCode.valueOf(status), TillApiProblems.codeOf(status));
            }
        });
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tillApiContainerErrors(TillApiProblems problems) {
        return factory -> {
            factory.addMimeMappings(yaml());
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve(problems));
                }
            });
        };
    }

    private static MimeMappings yaml() {
        MimeMappings mappings = new MimeMappings();
        mappings.add("yaml", "application/yaml");
        return mappings;
    }

    /**
     * The container's error report: a problem detail for paths under {@code /api/}, Tomcat's own page (without its
     * version or stack traces) for the rest. The host finds it in its pipeline under the name of its error report valve class, and adds no other.
     */
    static final class ProblemReportValve extends ErrorReportValve {

        /** Tomcat's own words (in the JVM's language) for headers over its limit, which it answers 400 before any application runs. */
        private static final String HEADER_TOO_LARGE =
                StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

        private final TillApiProblems problems;

        ProblemReportValve(TillApiProblems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            String path = request.getRequestURI();
            if (!TillApiProblems.isApiPath(path)) {
                super.report(request, response, failure);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String code = status != 400 ? TillApiProblems.codeOf(status)
                    : failure != null && HEADER_TOO_LARGE.equals(failure.getMessage()) ? "request-header-too-large"
                    : path.contains("%") ? "invalid-path" : "malformed-request";
            if (code.equals("request-header-too-large")) {
                status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
                response.setStatus(status);
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problems.render(request, status, code));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException connectionGone) {
                log.debug("Could not write a problem detail to the till", connectionGone);
            }
        }
    }
}
