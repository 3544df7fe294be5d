package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

/**
 * A line of a member's activity in words, in the reader's language.
 *
 * @param title what happened, naming the merchant or reward ("青松便利 · 购物 ¥40.50")
 * @param note  a status or detail worth a glance ("含绿色积分 +20", "待领取"), or null
 * @param route the portal page that explains it, or null
 */
public record ActivityDescription(String title, @Nullable String note, @Nullable String route) {
}
