package org.evergreen.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string, from {@code messages_zh_CN.properties} and {@code messages_en.properties}.
 * Services use it too, so that validation messages reach the user in their language.
 */
@Component
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLocales.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = SupportedLocales.bestMatch(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, supported);
            return "!" + key + "!";
        }
    }

    /** Whether a key exists, for texts that may or may not have a translation (e.g. reason codes from features). */
    public boolean hasTranslation(String key, Locale locale) {
        return textOf(key, locale).isPresent();
    }

    /** The text of a key without arguments, if it has one: for names looked up by code. */
    static Optional<String> textOf(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, SupportedLocales.bestMatch(locale), NO_FALLBACK);
        return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
    }

    /** Only our own two bundles: never the JVM's default locale's. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
