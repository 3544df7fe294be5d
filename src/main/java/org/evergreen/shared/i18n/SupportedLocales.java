package org.evergreen.shared.i18n;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** The languages Evergreen speaks. Simplified Chinese first: it is the default for unknown browsers. */
public final class SupportedLocales {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

    private SupportedLocales() {
    }

    /** The supported locale that best matches the given one (same language), else Chinese. */
    public static Locale bestMatch(Locale requested) {
        if (requested != null && ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    public static boolean isChinese(Locale locale) {
        return CHINESE.getLanguage().equals(locale.getLanguage());
    }

    /** The text of a bilingual pair for this locale: English for English, Chinese for every other language. */
    public static String pick(Locale locale, String chinese, String english) {
        return bestMatch(locale) == ENGLISH ? english : chinese;
    }

    /**
     * The languages an Accept-Language header asks for, most wanted first (by weight, then by order), at most {@code limit}.
     * Entries that are not language tags, and those of weight 0, are skipped: a header is a wish, never a reason to fail.
     */
    public static List<Locale> requested(@Nullable String header, int limit) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        record Weighted(Locale locale, double weight) {
        }
        List<Weighted> ranges = new ArrayList<>();
        for (String entry : header.split(",", 200)) {
            String[] parts = entry.split(";");
            String tag = parts[0].strip();
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException notAWeight) {
                        weight = 0;
                    }
                }
            }
            if (tag.isEmpty() || tag.equals("*") || weight <= 0 || weight > 1) {
                continue;
            }
            try {
                ranges.add(new Weighted(new Locale.Builder().setLanguageTag(tag).build(), weight));
            } catch (IllformedLocaleException notATag) {
                // skipped, as browsers' own oddities are
            }
        }
        return ranges.stream().sorted(Comparator.comparingDouble(Weighted::weight).reversed())
                .limit(limit).map(Weighted::locale).toList();
    }

    /** The language we speak that the header asks for first; Chinese when it names none of ours, or nothing, or only "*". */
    public static Locale fromAcceptLanguage(@Nullable String header) {
        return requested(header, Integer.MAX_VALUE).stream()
                .filter(locale -> ALL.stream().anyMatch(ours -> ours.getLanguage().equals(locale.getLanguage())))
                .findFirst().map(SupportedLocales::bestMatch).orElse(CHINESE);
    }
}
