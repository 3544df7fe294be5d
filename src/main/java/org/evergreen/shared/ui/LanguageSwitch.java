package org.evergreen.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/**
 * Switches between Simplified Chinese and English for the whole session, then redraws the current view
 * (layouts included) so that every text is read again in the new language.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        addClassName("language-switch");
        setItems(SupportedLocales.ALL);
        // Each language names itself, so a reader lost in the other language finds their own.
        setItemLabelGenerator(locale -> SupportedLocales.isChinese(locale) ? "简体中文" : "English");
        setAriaLabel(getTranslation("language.switch"));
        setValue(SupportedLocales.bestMatch(getLocale()));
        addValueChangeListener(event -> {
            if (event.getValue() != null) {
                switchTo(event.getValue());
            }
        });
    }

    private static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.refreshCurrentRoute(true);
    }
}
