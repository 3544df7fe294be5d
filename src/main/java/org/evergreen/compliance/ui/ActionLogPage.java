package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.evergreen.security.ActionLog;
import org.evergreen.security.LoggedAction;
import org.evergreen.shared.i18n.DisplayFormats;

/**
 * Every change admins and merchant owners made to rules, prices, the point value, limits, users, keys and stores, newest
 * first, a page at a time from the database. Nothing on the page changes anything: the log is insert-only.
 */
abstract class ActionLogPage extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    ActionLogPage(ActionLog log, DisplayFormats formats) {
        Grid<LoggedAction> grid = new Grid<>();
        Button more = new Button();
        addClassName("action-log");
        setSizeFull();
        grid.addClassName("action-log-grid");
        grid.addColumn(action -> formats.dateTime(action.actedAt(), getLocale())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(action -> action.actorName() + " (" + getTranslation("role." + action.actorRole().name())
                        + (action.merchantId() == null ? "" : ", " + getTranslation("actionLog.merchant", action.merchantId())) + ")")
                .setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(action -> getTranslation("action." + action.action())).setHeader(getTranslation("actionLog.action")).setAutoWidth(true);
        grid.addColumn(LoggedAction::subject).setHeader(getTranslation("actionLog.subject")).setAutoWidth(true);
        grid.addColumn(LoggedAction::detail).setHeader(getTranslation("actionLog.detail")).setFlexGrow(3);
        grid.setEmptyStateText(getTranslation("actionLog.empty"));
        more.setText(getTranslation("audit.more"));
        more.addClassName("action-log-more");
        add(new Paragraph(getTranslation("actionLog.intro")), grid, more);
        new NewestFirst<>(grid, more, PAGE, log::page, LoggedAction::id);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.actionLog");
    }
}
