package org.evergreen.shared.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Reads the caller's languages itself. Tomcat refuses to parse an Accept-Language of more than ten languages (it throws
 * from {@code getLocale()}), which turned a browser set up with many languages into a redirect loop on the sign-in page
 * and an API call into an error. Ahead of every other filter, requests see the ten most wanted languages instead.
 */
@Component
class AcceptLanguageFilter extends OncePerRequestFilter implements Ordered {

    /** As many languages as Tomcat would parse. */
    static final int MAX_LANGUAGES = 10;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        chain.doFilter(header == null ? request : new LanguagesRead(request, SupportedLocales.requested(header, MAX_LANGUAGES)), response);
    }

    private static final class LanguagesRead extends HttpServletRequestWrapper {

        private final List<Locale> locales;

        LanguagesRead(HttpServletRequest request, List<Locale> requested) {
            super(request);
            // As the servlet API has it: with no language we can read, the server's own.
            this.locales = requested.isEmpty() ? List.of(Locale.getDefault()) : requested;
        }

        @Override
        public Locale getLocale() {
            return locales.getFirst();
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(locales);
        }
    }
}
