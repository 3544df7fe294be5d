package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.evergreen.compliance.CaseFile;
import org.evergreen.compliance.CaseStatus;
import org.evergreen.compliance.Cases;
import org.evergreen.compliance.PointsCase;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * One case as its reader may see it: the facts, the evidence and appeal (files with their SHA-256), the timeline; and
 * what that reader may do now: an admin adds evidence, approves the freeze or decides; the member appeals. Regulators
 * only read. Every action goes through the service, which checks the same rules again.
 */
class CasePanel extends Div {

    enum Reader { ADMIN, REGULATOR, MEMBER }

    private final Cases cases;
    private final DisplayFormats formats;
    private final Reader reader;
    private final long caseId;

    CasePanel(Cases cases, DisplayFormats formats, Reader reader, long caseId) {
        this.cases = cases;
        this.formats = formats;
        this.reader = reader;
        this.caseId = caseId;
        addClassName("case-panel");
        render();
    }

    private void render() {
        removeAll();
        cases.file(caseId).ifPresentOrElse(this::show, () -> add(new Paragraph(getTranslation("case.unknown"))));
    }

    private void show(CaseFile file) {
        PointsCase found = file.pointsCase();
        Div facts = new Div(fact("cases.reference", found.reference(), "case-reference"),
                fact("cases.status", getTranslation("case.status." + found.status().name()), "case-status"),
                fact("cases.behaviour", getTranslation("case.behaviour." + found.behaviour().name()), null),
                fact("cases.points", formats.number(found.points(), getLocale()), "case-points"),
                fact("cases.entries", found.entryIds().stream().map(String::valueOf).collect(Collectors.joining(", ")), null),
                fact("cases.openedAt", time(found.openedAt()), null));
        if (found.appealUntil() != null) {
            facts.add(fact("cases.appealUntil", time(found.appealUntil()), "case-appeal-until"));
            facts.add(fact("cases.decideBy", time(found.decideBy()), null));
        }
        if (found.decisionReason() != null) {
            facts.add(fact("cases.decision", getTranslation("cases.decision.value", found.deductedPoints() == null ? 0 : found.deductedPoints(),
                    found.decisionReason()), "case-decision"));
        }
        facts.addClassName("card");
        add(facts, new Paragraph(found.summary()));

        add(new H3(getTranslation("cases.evidence")));
        UnorderedList evidence = new UnorderedList();
        evidence.addClassName("case-evidence");
        for (CaseFile.Evidence item : file.evidence()) {
            ListItem line = new ListItem(getTranslation("cases.evidence.party." + item.party()) + " · " + time(item.addedAt())
                    + (item.note() == null ? "" : " · " + item.note()));
            if (item.fileName() != null) {
                Anchor download = new Anchor(fileDownload(item), item.fileName());
                download.addClassName("case-file");
                line.add(new Paragraph(download), new Paragraph(getTranslation("cases.evidence.sha256", item.sha256())));
            }
            evidence.add(line);
        }
        add(evidence);

        add(new H3(getTranslation("cases.timeline")));
        UnorderedList timeline = new UnorderedList();
        timeline.addClassName("case-timeline");
        file.timeline().forEach(event -> timeline.add(new ListItem(time(event.at()) + " · " + getTranslation("case.event." + event.event())
                + (event.detail().isBlank() ? "" : " · " + event.detail()))));
        add(timeline);

        switch (reader) {
            case ADMIN -> adminActions(found);
            case MEMBER -> memberActions(found);
            case REGULATOR -> {
            }
        }
    }

    private void adminActions(PointsCase found) {
        if (found.status() == CaseStatus.OPENED || found.status() == CaseStatus.FROZEN) {
            TextArea note = new TextArea(getTranslation("cases.note"));
            note.addClassName("case-note");
            note.setMaxLength(2000);
            Button add = new Button(getTranslation("cases.addNote"), click -> act(() -> cases.addEvidence(caseId, note.getValue(), null, null, null),
                    new FormErrors(this).field("note", note)));
            add.addClassName("case-add-note");
            Upload upload = ComponentTexts.localized(new Upload(UploadHandler.inMemory((metadata, bytes) ->
                    act(() -> cases.addEvidence(caseId, null, metadata.fileName(), metadata.contentType(), bytes), null))));
            upload.setMaxFiles(1);
            add(new Div(note, add), upload);
        }
        if (found.status() == CaseStatus.OPENED) {
            Button approve = new Button(getTranslation("cases.approve"), click -> act(() -> cases.approveFreeze(caseId), null));
            approve.addClassName("case-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(approve);
        }
        if (found.status() == CaseStatus.FROZEN) {
            IntegerField deduct = new IntegerField(getTranslation("cases.deduct"));
            deduct.addClassName("case-deduct");
            deduct.setValue(0);
            TextArea reason = new TextArea(getTranslation("cases.reason"));
            reason.addClassName("case-reason");
            reason.setMaxLength(2000);
            Button decide = new Button(getTranslation("cases.decide"), click -> act(() -> cases.decide(caseId,
                    deduct.getValue() == null ? -1 : deduct.getValue(), reason.getValue()), new FormErrors(this).field("deduct", deduct)
                    .field("reason", reason)));
            decide.addClassName("case-decide");
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Div(deduct, reason, decide));
        }
    }

    private void memberActions(PointsCase found) {
        if (found.status() != CaseStatus.FROZEN || found.appealUntil() == null || !Instant.now().isBefore(found.appealUntil())) {
            return;
        }
        TextArea statement = new TextArea(getTranslation("cases.appeal.statement"));
        statement.addClassName("case-appeal-statement");
        statement.setMaxLength(2000);
        // A file the member attaches waits here until the appeal is sent with it.
        AttachedFile attached = new AttachedFile();
        Upload upload = ComponentTexts.localized(new Upload(UploadHandler.inMemory((metadata, bytes) -> attached.set(metadata.fileName(),
                metadata.contentType(), bytes))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(Cases.MAX_FILE_BYTES);
        upload.addClassName("case-appeal-file");
        Button appeal = new Button(getTranslation("cases.appeal"), click -> act(() -> cases.appeal(caseId, statement.getValue(),
                attached.name, attached.contentType, attached.content), new FormErrors(this).field("statement", statement)));
        appeal.addClassName("case-appeal");
        appeal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("cases.appeal.title", time(found.appealUntil()))), statement, upload, appeal);
    }

    /** The file a member attached to their appeal before sending it. */
    private static final class AttachedFile {
        private @Nullable String name;
        private @Nullable String contentType;
        private byte @Nullable [] content;

        void set(String fileName, String type, byte[] bytes) {
            name = fileName;
            contentType = type;
            content = bytes;
        }
    }

    /** Runs an action; a refusal is shown next to its field or as a message, and nothing changed. */
    private void act(Runnable action, @Nullable FormErrors errors) {
        try {
            action.run();
            Notification.show(getTranslation("cases.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (InvalidInputException refused) {
            if (errors != null) {
                errors.show(refused);
            }
            Notification.show(getTranslation(refused.messageKey(), refused.arguments()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private DownloadHandler fileDownload(CaseFile.Evidence item) {
        return DownloadHandler.fromInputStream(event -> cases.evidenceFile(item.id())
                .map(stored -> new DownloadResponse(new ByteArrayInputStream(stored.content()), stored.fileName(), stored.contentType(),
                        stored.content().length))
                .orElseGet(() -> DownloadResponse.error(404)));
    }

    private Fact fact(String labelKey, String value, @Nullable String className) {
        Fact fact = new Fact(getTranslation(labelKey), value);
        if (className != null) {
            fact.addClassName(className);
        }
        return fact;
    }

    private String time(@Nullable Instant instant) {
        return instant == null ? "—" : formats.dateTime(instant, getLocale());
    }
}
