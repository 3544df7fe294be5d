package org.evergreen.green.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.green.FactorDraft;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.FormErrors;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** The fields of a factor version: grams per unit or per yuan, the baseline in both languages, the source, and its validity. */
class FactorForm extends FormLayout {

    final BigDecimalField grams = new BigDecimalField(getTranslation("green.admin.grams"));
    final TextArea baselineZh = new TextArea(getTranslation("green.admin.baselineZh"));
    final TextArea baselineEn = new TextArea(getTranslation("green.admin.baselineEn"));
    final TextField source = new TextField(getTranslation("green.admin.source"));
    final DateTimePicker validFrom = ComponentTexts.localized(new DateTimePicker(getTranslation("green.admin.validFrom")));
    final DateTimePicker validUntil = ComponentTexts.localized(new DateTimePicker(getTranslation("green.admin.validUntil")));
    private final ZoneId zone;

    FactorForm(ZoneId zone, LocalDateTime earliest, long noticeMinutes) {
        this.zone = zone;
        addClassName("factor-form");
        validFrom.setMin(earliest);
        validFrom.setValue(earliest);
        validFrom.setHelperText(getTranslation("green.admin.validFromHelp", noticeMinutes));
        validUntil.setHelperText(getTranslation("green.admin.validUntilHelp"));
        add(grams, source, baselineZh, baselineEn, validFrom, validUntil);
    }

    void reportTo(FormErrors errors) {
        errors.field("gramsPerBasis", grams).field("baselineZh", baselineZh).field("baselineEn", baselineEn).field("source", source)
                .field("validFrom", validFrom).field("validUntil", validUntil);
    }

    FactorDraft draft() {
        return new FactorDraft(grams.getValue(), baselineZh.getValue(), baselineEn.getValue(), source.getValue(),
                validFrom.isEmpty() ? null : validFrom.getValue().atZone(zone).toInstant(),
                validUntil.isEmpty() ? null : validUntil.getValue().atZone(zone).toInstant());
    }
}
