package org.evergreen.earning.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evergreen.shared.i18n.Translations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.Locale;

/**
 * RFC 9457 problem details for the till API: a stable {@code type} per problem, and a title and detail in
 * the caller's language (Accept-Language; Chinese by default).
 */
@Component
@RestControllerAdvice(basePackageClasses = TillApiProblems.class)
class TillApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TillApiProblems.class);

    /** A refusal the API reports; {@code code} names both the problem type and its message keys. */
    static final class TillApiException extends RuntimeException {

        private final HttpStatus status;
        private final String code;
        private final String detailKey;

        TillApiException(HttpStatus status, String code) {
            this(status, code, "api.problem." + code + ".detail");
        }

        TillApiException(HttpStatus status, String code, String detailKey) {
            super(code);
            this.status = status;
            this.code = code;
            this.detailKey = detailKey;
        }
    }

    private final Translations translations;
    private final JsonMapper json = JsonMapper.builder().build();

    TillApiProblems(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(TillApiException.class)
    ResponseEntity<ProblemDetail> refused(TillApiException refusal, HttpServletRequest request) {
        return ResponseEntity.status(refusal.status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(refusal.status, refusal.code, refusal.detailKey, request));
    }

    /** Anything unforeseen is still a problem detail, logged with an incident number the caller can quote. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception error, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Till API error, incident {}", incident, error);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "api.problem.internal-error.detail", request);
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    void writeForbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem(HttpStatus.FORBIDDEN, "forbidden", "api.problem.forbidden.detail", request)));
    }

    void writeTooManyRequests(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Retry-After", "1");
        response.getWriter().write(json.writeValueAsString(
                problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "api.problem.rate-limited.detail", request)));
    }

    void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.getWriter().write(json.writeValueAsString(
                problem(HttpStatus.UNAUTHORIZED, "unauthorized", "api.problem.unauthorized.detail", request)));
    }

    private ProblemDetail problem(HttpStatus status, String code, String detailKey, HttpServletRequest request) {
        Locale locale = request.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, translations.getTranslation(detailKey, locale));
        problem.setType(URI.create("urn:evergreen:problem:" + code));
        problem.setTitle(translations.getTranslation("api.problem." + code + ".title", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
