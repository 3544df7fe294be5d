package org.evergreen.till;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * What every call of the till API must satisfy before any endpoint runs, so that no endpoint, present or future, can
 * record something and then refuse to answer: the answer must be acceptable as JSON (406 otherwise: before this,
 * {@code Accept: application/xml} recorded a purchase and then answered 406), and the body must fit the limit (413).
 * Runs after authentication and the rate limits, so a refusal here is told only to a till with a good key.
 */
final class TillApiPreconditions extends OncePerRequestFilter {

    /** 200 lines of the longest texts a purchase line may carry fit about four times over. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final TillApiProblems problems;

    TillApiPreconditions(TillApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            problems.write(request, response, HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large");
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    /** No Accept is any type; otherwise some range of non-zero weight must include application/json. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> ranges = MediaType.parseMediaTypes(accept);
            return ranges.stream().anyMatch(range -> range.getQualityValue() > 0 && range.includes(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** A body without a length (chunked) is counted as it is read, and stops at the limit. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0) {
                        count(1);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    if (count > 0) {
                        count(count);
                    }
                    return count;
                }

                private void count(int bytes) throws RequestBodyTooLargeException {
                    read += bytes;
                    if (read > MAX_BODY_BYTES) {
                        throw new RequestBodyTooLargeException();
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
