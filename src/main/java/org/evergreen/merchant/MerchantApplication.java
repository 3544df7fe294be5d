package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** An application as the reviewing admin sees it. */
public record MerchantApplication(long id, String trackingCode, String nameZh, String nameEn, MerchantCategory category,
                                  String unifiedCreditCode, String contactName, String contactPhone, String contactEmail,
                                  ApplicationStatus status, @Nullable String decisionReason, Instant submittedAt,
                                  @Nullable Instant decidedAt, @Nullable Long merchantId,
                                  List<MerchantApplicationForm.Store> stores) {
}
