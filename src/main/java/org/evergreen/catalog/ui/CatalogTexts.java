package org.evergreen.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.evergreen.catalog.PriceChange;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RewardPrice;
import org.evergreen.catalog.Rewards;
import org.evergreen.shared.i18n.DisplayFormats;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** How the catalog's views write prices, redemption states and pictures, in the reader's language. */
final class CatalogTexts {

    private final Component owner;
    private final DisplayFormats formats;

    CatalogTexts(Component owner, DisplayFormats formats) {
        this.owner = owner;
        this.formats = formats;
    }

    String points(long points) {
        return owner.getTranslation("catalog.points", points);
    }

    String pointsAndCash(long points, BigDecimal cash) {
        return owner.getTranslation("catalog.pointsAndCash", points, cash.toPlainString());
    }

    /** "30,000 points", with "or 2,000 points + ¥20.00" when the reward has a cash option. */
    String price(RewardPrice price) {
        String points = points(price.points());
        return price.hasCashOption() ? owner.getTranslation("catalog.priceOr", points,
                pointsAndCash(price.cashOptionPoints(), price.cashOptionAmount())) : points;
    }

    String priceChange(PriceChange change) {
        String price = change.cashOptionPoints() != null && change.cashOptionAmount() != null
                ? owner.getTranslation("catalog.priceOr", points(change.points()), pointsAndCash(change.cashOptionPoints(), change.cashOptionAmount()))
                : points(change.points());
        return change.campaign()
                ? owner.getTranslation("catalog.history.campaign", price, formats.dateTime(change.startsAt(), locale()),
                formats.dateTime(change.endsAt(), locale()))
                : owner.getTranslation("catalog.history.regular", price, formats.dateTime(change.startsAt(), locale()));
    }

    String redemptionPrice(Redemption redemption) {
        String price = redemption.cashAmount() == null ? points(redemption.points()) : pointsAndCash(redemption.points(), redemption.cashAmount());
        return redemption.fromPool() ? owner.getTranslation("catalog.paidFromPool", price) : price;
    }

    /** The state of a redemption as its member reads it, with the merchant's reason and the compensation when it cancelled. */
    String status(Redemption redemption) {
        return status(redemption, "redemption.status.");
    }

    /** The same state as the fulfilling merchant reads it ("cancelled by the member", not "by you"). */
    String merchantStatus(Redemption redemption) {
        return status(redemption, "redemption.merchantStatus.");
    }

    private String status(Redemption redemption, String keyPrefix) {
        String status = owner.getTranslation(keyPrefix + redemption.status().name());
        if (redemption.cancelReason() != null) {
            status = owner.getTranslation("redemption.status.withReason", status, redemption.cancelReason());
        }
        if (redemption.compensationPoints() != null && redemption.compensationPoints() > 0) {
            status = owner.getTranslation("redemption.status.compensated", status, redemption.compensationPoints());
        }
        return status;
    }

    String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : formats.dateTime(instant, locale());
    }

    private static Locale locale() {
        return UI.getCurrent().getLocale();
    }

    /** A reward's picture, fetched from the database when the browser asks for it. */
    static Image picture(Rewards rewards, long imageId, boolean thumbnail, String alternativeText) {
        Image image = new Image(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = rewards.image(imageId, thumbnail).orElse(new byte[0]);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "reward-" + imageId + ".jpg", "image/jpeg", bytes.length);
        }), alternativeText);
        image.addClassName(thumbnail ? "reward-thumbnail" : "reward-picture");
        return image;
    }
}
