package org.evergreen.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.evergreen.shared.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code <html lang>} on the language the page is read in, so that browsers pick the right fonts (Chinese and
 * English glyphs differ) and screen readers the right voice; the language switch redraws the route, which lands here.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addAfterNavigationListener(navigation -> ui.getPage().executeJs("document.documentElement.lang = $0",
                    SupportedLocales.isChinese(ui.getLocale()) ? "zh-CN" : "en"));
        });
    }
}
