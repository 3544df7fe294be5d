package org.evergreen.green.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.Communities;
import org.evergreen.green.Communities.Community;
import org.evergreen.green.GreenReports;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/**
 * A member's communities: every opt-in community to join (with consent, and on the leaderboard only under an alias they
 * choose) or leave, and for those they belong to, the community's year and its leaderboard.
 */
@Route("member/communities")
@Menu(title = "nav.member.communities", order = 2.6, icon = "vaadin:group")
@RolesAllowed(Roles.MEMBER)
class MemberCommunitiesView extends VerticalLayout implements HasDynamicTitle {

    private final Communities communities;
    private final GreenReports reports;
    private final DisplayFormats formats;
    private final GreenTexts texts;
    private final Grid<Community> grid = new Grid<>();
    private final Div year = new Div();

    MemberCommunitiesView(Communities communities, GreenReports reports, DisplayFormats formats) {
        this.communities = communities;
        this.reports = reports;
        this.formats = formats;
        this.texts = new GreenTexts(this, formats);
        addClassName("member-communities-view");
        grid.addClassName("communities-grid");
        grid.addColumn(community -> community.name(getLocale())).setHeader(getTranslation("communities.name")).setFlexGrow(2);
        grid.addColumn(community -> getTranslation("communities.kind." + community.kind().name())).setHeader(getTranslation("communities.kind"));
        grid.addColumn(community -> formats.number(community.members(), getLocale())).setHeader(getTranslation("communities.members"));
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("communities.none"));
        year.setWidthFull();
        add(new Paragraph(getTranslation("communities.intro")), grid, year);
        refresh();
    }

    private HorizontalLayout actions(Community community) {
        HorizontalLayout actions = new HorizontalLayout();
        if (community.joined()) {
            Button show = new Button(getTranslation("communities.show"), click -> showYear(community.id()));
            show.addClassName("community-show");
            Button leave = new Button(getTranslation("communities.leave"), click -> {
                communities.leave(community.id());
                year.removeAll();
                refresh();
            });
            leave.addClassName("community-leave");
            actions.add(show, leave);
        } else {
            Button join = new Button(getTranslation("communities.join"), click -> openJoinDialog(community));
            join.addClassName("community-join");
            actions.add(join);
        }
        return actions;
    }

    private void openJoinDialog(Community community) {
        Dialog dialog = new Dialog(getTranslation("communities.joinTitle", community.name(getLocale())));
        Checkbox consent = new Checkbox(getTranslation("communities.consent"));
        consent.addClassName("community-consent");
        TextField alias = new TextField(getTranslation("communities.alias"));
        alias.setHelperText(getTranslation("communities.aliasHelp"));
        alias.setMaxLength(20);
        alias.addClassName("community-alias");
        FormErrors errors = new FormErrors(this).field("consent", consent).field("alias", alias);
        Button confirm = new Button(getTranslation("communities.join"), click -> {
            errors.clear();
            try {
                communities.join(community.id(), consent.getValue(), alias.getValue());
                dialog.close();
                refresh();
                showYear(community.id());
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addClassName("community-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(consent, alias));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void showYear(long communityId) {
        Communities.CommunityYear figures = communities.year(communityId, reports.currentYear());
        year.removeAll();
        Div cards = new Div(
                new FigureCard("community-members", getTranslation("communities.members"), formats.number(figures.community().members(), getLocale()), ""),
                new FigureCard("community-co2e", getTranslation("impact.co2e"), texts.co2e(figures.figures().co2eGrams()), ""),
                new FigureCard("community-green-points", getTranslation("impact.greenPoints"),
                        getTranslation("impact.points", figures.figures().greenPoints()), ""),
                new FigureCard("community-green-share", getTranslation("impact.greenShare"),
                        getTranslation("impact.percent", figures.figures().greenSharePercent().toPlainString()), ""));
        cards.addClassName("impact-cards");
        Grid<Communities.Leader> leaders = new Grid<>();
        leaders.addClassName("community-leaders");
        leaders.addColumn(Communities.Leader::alias).setHeader(getTranslation("communities.alias")).setFlexGrow(2);
        leaders.addColumn(leader -> texts.co2e(leader.co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        leaders.setItems(figures.leaders());
        leaders.setAllRowsVisible(true);
        leaders.setEmptyStateText(getTranslation("communities.noLeaders"));
        year.add(new TitledCard("community-year", getTranslation("communities.year", figures.community().name(getLocale()), figures.year()), cards),
                new TitledCard("community-leaderboard", getTranslation("communities.leaderboard"), leaders));
    }

    private void refresh() {
        grid.setItems(communities.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.communities");
    }
}
