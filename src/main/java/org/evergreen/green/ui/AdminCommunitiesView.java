package org.evergreen.green.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.Communities;
import org.evergreen.green.Communities.Community;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Admins open communities (a school, a residential community, a company) that members may join. */
@Route("admin/communities")
@Menu(title = "nav.admin.communities", order = 2.87, icon = "vaadin:group")
@RolesAllowed(Roles.ADMIN)
class AdminCommunitiesView extends VerticalLayout implements HasDynamicTitle {

    AdminCommunitiesView(Communities communities, DisplayFormats formats) {
        addClassName("admin-communities-view");
        Grid<Community> grid = new Grid<>();
        grid.addClassName("communities-grid");
        grid.addColumn(community -> community.name(getLocale())).setHeader(getTranslation("communities.name")).setFlexGrow(2);
        grid.addColumn(community -> getTranslation("communities.kind." + community.kind().name())).setHeader(getTranslation("communities.kind"));
        grid.addColumn(community -> formats.number(community.members(), getLocale())).setHeader(getTranslation("communities.members"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("communities.none"));
        grid.setItems(communities.all());

        TextField nameZh = new TextField(getTranslation("green.admin.nameZh"));
        TextField nameEn = new TextField(getTranslation("green.admin.nameEn"));
        Select<Communities.Kind> kind = new Select<>();
        kind.setLabel(getTranslation("communities.kind"));
        kind.setItems(Communities.Kind.values());
        kind.setItemLabelGenerator(value -> getTranslation("communities.kind." + value.name()));
        FormErrors errors = new FormErrors(this).field("nameZh", nameZh).field("nameEn", nameEn).field("kind", kind);
        Button open = new Button(getTranslation("communities.open"), click -> {
            errors.clear();
            try {
                communities.open(nameZh.getValue(), nameEn.getValue(), kind.getValue());
                grid.setItems(communities.all());
                Notification.show(getTranslation("communities.opened")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        open.addClassName("open-community");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("communities.adminIntro")), grid, new FormLayout(nameZh, nameEn, kind), open);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.communities");
    }
}
