package org.evergreen.green.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import org.evergreen.green.FactorVersion;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.ImpactFormats;
import org.evergreen.shared.i18n.DisplayFormats;

import java.math.BigDecimal;
import java.util.Locale;

/** The green views' shared wording: factors, versions and quantities of CO₂e, in the reader's language. */
final class GreenTexts {

    private final Component view;
    private final DisplayFormats formats;
    private final I18NProvider translations;

    GreenTexts(Component view, DisplayFormats formats) {
        this.view = view;
        this.formats = formats;
        this.translations = VaadinService.getCurrent().getInstantiator().getI18NProvider();
    }

    /** "17,679 g CO₂e per unit". */
    String factor(GreenMethod method, BigDecimal grams) {
        return view.getTranslation("green.factor." + method.basis().name(), decimal(grams.doubleValue(), 3));
    }

    /** "Version 2, from 1 Jan 2027 00:00 until superseded". */
    String validity(GreenMethod method, FactorVersion version) {
        var end = method.endOf(version);
        Locale locale = locale();
        return view.getTranslation("green.methods.validity", version.version(), formats.dateTime(version.validFrom(), locale),
                end == null ? view.getTranslation("green.methods.untilSuperseded") : formats.dateTime(end, locale));
    }

    /** An amount of CO₂e in grams as kilograms ("35.4 kg") or, below one kilogram, grams. */
    String co2e(long grams) {
        return ImpactFormats.co2e(grams, locale(), translations);
    }

    private static Locale locale() {
        return UI.getCurrent().getLocale();
    }

    String decimal(double value, int maximumFractionDigits) {
        return ImpactFormats.decimal(value, maximumFractionDigits, locale());
    }
}
