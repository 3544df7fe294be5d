package org.evergreen.compliance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.CaseBehaviour;
import org.evergreen.compliance.CaseDraft;
import org.evergreen.compliance.Cases;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Admins open cases against members' points and follow every case; a case opens on its own page to act on it. */
@Route("admin/cases")
@Menu(title = "nav.cases", order = 5.5, icon = "vaadin:gavel")
@RolesAllowed(Roles.ADMIN)
class AdminCasesView extends VerticalLayout implements HasDynamicTitle {

    AdminCasesView(Cases cases, DisplayFormats formats) {
        addClassName("admin-cases");
        setSizeFull();
        Button open = new Button(getTranslation("cases.open"), click -> openDialog(cases));
        open.addClassName("case-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("cases.intro")), open, new CaseList(cases, formats, "admin/case"));
    }

    private void openDialog(Cases cases) {
        TextField member = new TextField(getTranslation("audit.member"));
        Select<CaseBehaviour> behaviour = new Select<>();
        behaviour.setLabel(getTranslation("cases.behaviour"));
        behaviour.setItems(CaseBehaviour.values());
        behaviour.setItemLabelGenerator(value -> getTranslation("case.behaviour." + value.name()));
        TextArea summary = new TextArea(getTranslation("cases.summary"));
        summary.setMaxLength(2000);
        TextField entries = new TextField(getTranslation("cases.entries"));
        entries.setHelperText(getTranslation("cases.entries.help"));
        IntegerField points = new IntegerField(getTranslation("cases.points"));
        IntegerField appealDays = new IntegerField(getTranslation("cases.appealDays"));
        appealDays.setValue(15);
        TextArea note = new TextArea(getTranslation("cases.note"));
        note.setMaxLength(2000);
        FormErrors errors = new FormErrors(this).field("memberNumber", member).field("summary", summary).field("entryIds", entries)
                .field("points", points).field("appealDays", appealDays).field("note", note);
        Dialog dialog = new Dialog(getTranslation("cases.open"));
        dialog.addClassName("case-open-dialog");
        Button save = new Button(getTranslation("cases.open"), click -> {
            errors.clear();
            try {
                long id = cases.open(new CaseDraft(member.getValue(), behaviour.getValue(), summary.getValue(), entries.getValue(),
                        points.getValue() == null ? null : points.getValue().longValue(), appealDays.getValue()), note.getValue());
                dialog.close();
                UI.getCurrent().navigate("admin/case/" + id);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addClassName("case-open-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(member, behaviour, summary, entries, points, appealDays, note));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases");
    }
}
