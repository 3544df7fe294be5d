package org.evergreen.till;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evergreen.shared.database.DatabaseOutages;
import org.evergreen.shared.i18n.SupportedLocales;
import org.evergreen.shared.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 9457 problem details for the till API: a stable {@code type} per problem, and a title and detail in the
 * caller's language (Accept-Language; Chinese when the till names none). The API's one error boundary: it answers
 * its own refusals, the framework's (an unknown path or method, a body that is not JSON, an id that is not a
 * number) and anything unforeseen, so no till ever gets an HTML error page or a redirect to the sign-in page.
 */
@Component
class TillApiProblems implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TillApiProblems.class);
    private static final String API_PATHS = "/api/";

    /** A refusal the API reports; {@code code} names both the problem type and its message keys. */
    static final class TillApiException extends RuntimeException {

        private final HttpStatus status;
        private final String code;
        private final String detailKey;
        private final Object[] detailArguments;
        private final @Nullable String field;

        TillApiException(HttpStatus status, String code) {
            this(status, code, "api.problem." + code + ".detail");
        }

        TillApiException(HttpStatus status, String code, String detailKey, Object... detailArguments) {
            this(status, code, detailKey, null, detailArguments);
        }

        /** A refusal of one field of the body, named by its path ({@code lines[0].name}) in the detail and as {@code field}. */
        TillApiException(HttpStatus status, String code, String detailKey, @Nullable String field, Object... detailArguments) {
            super(code);
            this.status = status;
            this.code = code;
            this.detailKey = detailKey;
            this.field = field;
            this.detailArguments = detailArguments;
        }
    }

    private final Translations translations;
    /** Writes a problem's extra properties (an incident number) beside its standard members, as RFC 9457 has them. */
    private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    TillApiProblems(Translations translations) {
        this.translations = translations;
    }

    /** Before Spring MVC's own resolvers, which would send the framework's errors to the HTML error page. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, @Nullable Object handler,
                                                   Exception error) {
        if (!isApiPath(request.getRequestURI())) {
            return null;
        }
        if (response.isCommitted()) {
            // Part of an answer already went out: too late for a problem detail, the connection is all that is left.
            log.warn("Till API error after the answer had started", error);
            return null;
        }
        response.resetBuffer();
        try {
            switch (error) {
                case TillApiException refusal -> {
                    ProblemDetail problem = problem(refusal.status, refusal.code, refusal.detailKey, request, refusal.detailArguments);
                    if (refusal.field != null) {
                        problem.setProperty("field", refusal.field);
                    }
                    write(response, problem);
                }
                case AccessDeniedException denied -> write(request, response, HttpStatus.FORBIDDEN, "forbidden");
                case HttpMessageNotReadableException unreadable when unreadable.getCause() instanceof RequestBodyTooLargeException ->
                        write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large");
                case HttpMessageNotReadableException unreadable -> write(request, response, HttpStatus.BAD_REQUEST, "malformed-request");
                case Exception failure when DatabaseOutages.isOutage(failure) -> writeServiceUnavailable(request, response);
                case MethodArgumentTypeMismatchException notANumber -> write(request, response, HttpStatus.BAD_REQUEST, "malformed-request");
                case ErrorResponse framework when framework.getStatusCode().is4xxClientError() -> {
                    framework.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                    write(request, response, framework.getStatusCode(), codeOf(framework.getStatusCode()));
                }
                default -> unexpected(request, response, error);
            }
        } catch (IOException writeFailed) {
            log.debug("Could not write a problem detail to the till", writeFailed);
        }
        return new ModelAndView();
    }

    /** Whether a request path (as sent: the application runs at the root context) is the till API's. */
    static boolean isApiPath(@Nullable String path) {
        return path != null && path.startsWith(API_PATHS);
    }

    /** The framework's and the servlet container's refusals by their status; only statuses a till can cause have a type of their own. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 431 -> "request-header-too-large";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "request-refused";
        };
    }

    private static String codeOf(HttpStatusCode status) {
        return codeOf(status.value());
    }

    /** Anything unforeseen is still a problem detail, logged with an incident number the caller can quote. */
    private void unexpected(HttpServletRequest request, HttpServletResponse response, Exception error) throws IOException {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Till API error, incident {}", incident, error);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "api.problem.internal-error.detail", request);
        problem.setProperty("incident", incident);
        write(response, problem);
    }

    /** Answers a path under {@code /api/v1} that no endpoint serves (any other would reach the portal's pages). */
    HttpRequestHandler notFound() {
        return (request, response) -> write(request, response, HttpStatus.NOT_FOUND, "not-found");
    }

    void writeForbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    void writeTooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, String code)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, code);
    }

    void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    /** The database cannot be reached: nothing was recorded, and the till may retry the same request later. */
    void writeServiceUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutages.RETRY_AFTER_SECONDS));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code) throws IOException {
        write(response, problem(status, code, "api.problem." + code + ".detail", request));
    }

    /** The problem as JSON, for the servlet container's own error reports, which write through a writer of their own. */
    String render(HttpServletRequest request, int status, String code) {
        return new String(json.writeValueAsBytes(problem(HttpStatusCode.valueOf(status), code, "api.problem." + code + ".detail", request)),
                StandardCharsets.UTF_8);
    }

    /** Through the stream, as Spring MVC writes bodies; through the writer if a failed attempt took that already. */
    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json.writeValueAsBytes(problem);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerTaken) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * In the caller's language, read from Accept-Language by {@link SupportedLocales#fromAcceptLanguage} (never by the
     * container, which refuses a header of many languages); Chinese when the till names none.
     */
    private ProblemDetail problem(HttpStatusCode status, String code, String detailKey, HttpServletRequest request, Object... arguments) {
        Locale locale = SupportedLocales.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Object[] translated = Arrays.stream(arguments)
                .map(argument -> argument instanceof TranslatedArgument message ? translations.getTranslation(message.key(), locale) : argument)
                .toArray();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, translations.getTranslation(detailKey, locale, translated));
        problem.setType(URI.create("urn:evergreen:problem:" + code));
        problem.setTitle(translations.getTranslation("api.problem." + code + ".title", locale));
        instanceOf(request).ifPresent(problem::setInstance);
        return problem;
    }

    /** The path the till asked for (on an error dispatch, the original one); none when it is not even a valid URI reference. */
    private static Optional<URI> instanceOf(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return Optional.of(URI.create(original instanceof String path ? path : request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
