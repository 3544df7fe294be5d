package org.evergreen.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import org.evergreen.shared.i18n.SupportedLocales;

import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's own component texts (a date picker's months, weekdays, "Today" and "Cancel"; an upload's "Upload File…" and
 * "Drop file here") in the reader's language: the components ship them in English only.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    public static DatePicker localized(DatePicker picker) {
        UI ui = UI.getCurrent();
        picker.setLocale(ui.getLocale());
        picker.setI18n(datePickerI18n(ui));
        return picker;
    }

    public static DateTimePicker localized(DateTimePicker picker) {
        UI ui = UI.getCurrent();
        picker.setLocale(ui.getLocale());
        picker.setDatePickerI18n(datePickerI18n(ui));
        return picker;
    }

    public static Upload localized(Upload upload) {
        UI ui = UI.getCurrent();
        UploadI18N.Uploading uploading = new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(ui.getTranslation("component.upload.connecting"))
                        .setStalled(ui.getTranslation("component.upload.stalled"))
                        .setProcessing(ui.getTranslation("component.upload.processing"))
                        .setHeld(ui.getTranslation("component.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(ui.getTranslation("component.upload.remaining"))
                        .setUnknown(ui.getTranslation("component.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(ui.getTranslation("component.upload.serverUnavailable"))
                        .setUnexpectedServerError(ui.getTranslation("component.upload.serverError"))
                        .setForbidden(ui.getTranslation("component.upload.forbidden"))
                        .setFileTooLarge(ui.getTranslation("component.upload.fileTooBig")));
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(ui.getTranslation("component.upload.addFile"))
                        .setMany(ui.getTranslation("component.upload.addFiles")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(ui.getTranslation("component.upload.dropFile"))
                        .setMany(ui.getTranslation("component.upload.dropFiles")))
                .setError(new UploadI18N.Error().setTooManyFiles(ui.getTranslation("component.upload.tooManyFiles"))
                        .setFileIsTooBig(ui.getTranslation("component.upload.fileTooBig"))
                        .setIncorrectFileType(ui.getTranslation("component.upload.incorrectType")))
                .setFile(new UploadI18N.File().setRetry(ui.getTranslation("component.upload.retry"))
                        .setStart(ui.getTranslation("component.upload.start"))
                        .setRemove(ui.getTranslation("component.upload.remove")))
                .setUploading(uploading)
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return upload;
    }

    /** Month and weekday names from the JDK's locale data; Monday first in Chinese, Sunday first in English. */
    private static DatePicker.DatePickerI18n datePickerI18n(UI ui) {
        Locale locale = SupportedLocales.bestMatch(ui.getLocale());
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(SupportedLocales.isChinese(locale) ? 1 : 0)
                .setToday(ui.getTranslation("component.datePicker.today"))
                .setCancel(ui.getTranslation("component.datePicker.cancel"))
                .setBadInputErrorMessage(ui.getTranslation("component.datePicker.badInput"));
    }
}
