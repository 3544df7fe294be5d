package org.evergreen.merchant;

import org.evergreen.merchant.internal.ApplicationRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.ReadableCodes;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Businesses apply on a public page; a platform admin approves (creating the merchant, its stores and its
 * first login) or rejects with a reason the applicant can read with their tracking code.
 */
@Service
public class MerchantApplications {

    private static final int TRACKING_CODE_LENGTH = 10;
    private static final int MAX_STORES = 20;

    private final ApplicationRepository applications;
    private final MerchantDirectory directory;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    public MerchantApplications(ApplicationRepository applications, MerchantDirectory directory, CurrentUser currentUser, ActionLog actionLog,
                                Clock clock) {
        this.applications = applications;
        this.directory = directory;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** Open to anyone. Returns the tracking code the applicant uses to follow the application. */
    @Transactional
    public String submit(MerchantApplicationForm form) {
        MerchantApplicationForm checked = validated(form);
        if (directory.creditCodeTaken(checked.unifiedCreditCode()) || applications.pendingFor(checked.unifiedCreditCode())) {
            throw new InvalidInputException("unifiedCreditCode", "application.creditCode.known");
        }
        String trackingCode = ReadableCodes.random(TRACKING_CODE_LENGTH);
        String nameEn = checked.nameEn() == null || checked.nameEn().isBlank() ? checked.nameZh() : checked.nameEn();
        applications.insert(trackingCode, checked, nameEn, clock.instant());
        return trackingCode;
    }

    /** Open to anyone who knows both the tracking code and the contact phone of the application. */
    public Optional<ApplicationProgress> progress(String trackingCode, String contactPhone) {
        return applications.progress(ReadableCodes.normalize(trackingCode), contactPhone == null ? "" : contactPhone.strip());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(@Nullable ApplicationStatus status) {
        return applications.count(status);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<MerchantApplication> page(@Nullable ApplicationStatus status, int offset, int limit) {
        return applications.page(status, offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<MerchantApplication> find(long id) {
        return applications.find(id);
    }

    /** Creates the merchant with the application's stores and its first login; returns the merchant id. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long approve(long applicationId, String username, String displayName, String initialPassword) {
        MerchantApplication application = applications.find(applicationId)
                .orElseThrow(() -> new InvalidInputException("application", "application.notFound"));
        // Decided before anything is written: a second approval creates no merchant, it is told someone decided first.
        if (!applications.lockUndecided(applicationId)) {
            throw new InvalidInputException("application", "application.alreadyDecided");
        }
        long merchantId = directory.register(new NewMerchant(application.nameZh(), application.nameEn(), application.category(),
                application.unifiedCreditCode(), application.stores().stream()
                .map(store -> new NewMerchant.NewStore(store.name(), store.name(), store.city(), store.city(), store.address()))
                .toList()));
        directory.createStaffLogin(merchantId, username, displayName, initialPassword);
        if (!applications.decide(applicationId, ApplicationStatus.APPROVED, null, currentUser.require().id(), clock.instant(), merchantId,
                username.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("application", "application.alreadyDecided");
        }
        actionLog.record("application.approved", "application:" + applicationId, "merchant " + merchantId + " " + application.nameZh());
        return merchantId;
    }

    /** Rejects with a reason, which the applicant will read. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reject(long applicationId, String reason) {
        String checkedReason = TextRules.requirePlainText("reason", reason, 500);
        if (!applications.decide(applicationId, ApplicationStatus.REJECTED, checkedReason, currentUser.require().id(),
                clock.instant(), null, null)) {
            throw new InvalidInputException("application", "application.alreadyDecided");
        }
        actionLog.record("application.rejected", "application:" + applicationId, checkedReason);
    }

    private static MerchantApplicationForm validated(MerchantApplicationForm form) {
        String nameZh = TextRules.requirePlainText("nameZh", form.nameZh(), 100);
        String nameEn = form.nameEn() == null || form.nameEn().isBlank() ? null : TextRules.requirePlainText("nameEn", form.nameEn(), 100);
        if (form.category() == null) {
            throw new InvalidInputException("category", "validation.required");
        }
        String code = form.unifiedCreditCode() == null ? "" : form.unifiedCreditCode().strip().toUpperCase(Locale.ROOT);
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new InvalidInputException("unifiedCreditCode", "merchant.creditCode.invalid");
        }
        String contactName = TextRules.requirePlainText("contactName", form.contactName(), 50);
        String phone = form.contactPhone() == null ? "" : form.contactPhone().strip();
        if (!TextRules.isPhone(phone)) {
            throw new InvalidInputException("contactPhone", "application.phone.invalid");
        }
        String email = form.contactEmail() == null ? "" : form.contactEmail().strip().toLowerCase(Locale.ROOT);
        if (!TextRules.isEmail(email)) {
            throw new InvalidInputException("contactEmail", "application.email.invalid");
        }
        if (form.stores().isEmpty() || form.stores().size() > MAX_STORES) {
            throw new InvalidInputException("stores", "application.stores.count", MAX_STORES);
        }
        List<MerchantApplicationForm.Store> stores = form.stores().stream()
                .map(store -> new MerchantApplicationForm.Store(
                        TextRules.requirePlainText("storeName", store.name(), 100),
                        TextRules.requirePlainText("storeCity", store.city(), 50),
                        TextRules.requirePlainText("storeAddress", store.address(), 200)))
                .toList();
        if (!form.acceptedTerms()) {
            throw new InvalidInputException("acceptedTerms", "application.terms.required");
        }
        return new MerchantApplicationForm(nameZh, nameEn, form.category(), code, contactName, phone, email, stores, true);
    }
}
