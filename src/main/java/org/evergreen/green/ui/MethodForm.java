package org.evergreen.green.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.green.FactorBasis;
import org.evergreen.green.MethodDraft;
import org.evergreen.shared.ui.FormErrors;

import java.util.Arrays;
import java.util.List;

/** The fields of a new method: its code, basis, names and descriptions in both languages, and what falls under it. */
class MethodForm extends FormLayout {

    final TextField code = new TextField(getTranslation("green.admin.code"));
    final RadioButtonGroup<FactorBasis> basis = new RadioButtonGroup<>(getTranslation("green.admin.basis"));
    final TextField nameZh = new TextField(getTranslation("green.admin.nameZh"));
    final TextField nameEn = new TextField(getTranslation("green.admin.nameEn"));
    final TextArea descriptionZh = new TextArea(getTranslation("green.admin.descriptionZh"));
    final TextArea descriptionEn = new TextArea(getTranslation("green.admin.descriptionEn"));
    final TextField categories = new TextField(getTranslation("green.admin.categories"));
    final TextField skus = new TextField(getTranslation("green.admin.skus"));

    MethodForm() {
        addClassName("method-form");
        code.setHelperText(getTranslation("green.admin.codeHelp"));
        basis.setItems(FactorBasis.values());
        basis.setItemLabelGenerator(value -> getTranslation("green.basis." + value.name()));
        basis.setValue(FactorBasis.UNIT);
        categories.setHelperText(getTranslation("green.admin.listHelp"));
        skus.setHelperText(getTranslation("green.admin.listHelp"));
        add(code, basis, nameZh, nameEn, descriptionZh, descriptionEn, categories, skus);
    }

    void reportTo(FormErrors errors) {
        errors.field("code", code).field("nameZh", nameZh).field("nameEn", nameEn).field("descriptionZh", descriptionZh)
                .field("descriptionEn", descriptionEn).field("categories", categories).field("skus", skus);
    }

    MethodDraft draft() {
        return new MethodDraft(code.getValue(), basis.getValue(), nameZh.getValue(), nameEn.getValue(), descriptionZh.getValue(),
                descriptionEn.getValue(), list(categories.getValue()), list(skus.getValue()));
    }

    /** Values separated by commas (ASCII or Chinese) or spaces. */
    private static List<String> list(String values) {
        return Arrays.stream(values.split("[,，\\s]+")).filter(value -> !value.isBlank()).toList();
    }
}
