package org.evergreen.household.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.household.HouseholdOverview;
import org.evergreen.household.Households;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.PlannedFeature;

/** The member's household and who belongs to it; pooling, gifts and invitations follow with issue #6. */
@Route("member/household")
@Menu(title = "nav.member.household", order = 4, icon = "vaadin:family")
@RolesAllowed(Roles.MEMBER)
class MyHouseholdView extends VerticalLayout implements HasDynamicTitle {

    MyHouseholdView(Households households) {
        addClassName("my-household-view");
        households.myHousehold().ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("household.none"))));
        add(new PlannedFeature("planned.householdPooling", 6));
    }

    private void show(HouseholdOverview household) {
        UnorderedList members = new UnorderedList();
        members.addClassName("household-members");
        household.members().forEach(member -> members.add(new ListItem(member.head()
                ? getTranslation("household.head", member.displayName()) : member.displayName())));
        Div card = new Div(new Fact(getTranslation("household.leavingRule"),
                getTranslation("household.leavingRule." + household.leavingRule().name())), members);
        card.addClassName("card");
        add(new H2(household.name()), card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.household");
    }
}
