package org.evergreen.merchant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An owner creates a till key, sees it once, and revokes it; cashiers cannot reach the page. */
class TillKeysViewTest extends KaribuTest {

    @Autowired
    TillKeys tillKeys;

    @Autowired
    MerchantDirectory directory;

    @Test
    void anOwnerCreatesAKeyThatWorksUntilRevoked() {
        login("merchant");
        navigate("merchant/till-keys");
        _click(_get(Button.class, spec -> spec.withText("创建密钥")));
        @SuppressWarnings("unchecked")
        Select<StoreSummary> store = _get(Select.class, spec -> spec.withLabel("门店"));
        setValue(store, directory.myStores().getFirst());
        setValue(_get(TextField.class, spec -> spec.withLabel("标签")), "2 号收银台");
        _click(_find(Button.class, spec -> spec.withText("创建密钥")).getLast());

        String key = _get(TextField.class, spec -> spec.withClasses("new-till-key")).getValue();
        assertThat(key).matches("eg_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}");
        assertThat(tillKeys.authenticate(key)).get().extracting(TillPrincipal::storeId).isEqualTo(directory.myStores().getFirst().id());
        _click(_get(Button.class, spec -> spec.withText("完成")));

        @SuppressWarnings("unchecked")
        Grid<TillKey> grid = _get(Grid.class);
        int row = 0;
        assertThat(GridKt._get(grid, row).label()).isEqualTo("2 号收银台");
        assertThat(GridKt._getFormattedRow(grid, row)).doesNotContain(key.substring(12));
        assertThat(GridKt._getFormattedRow(grid, row)).contains("从未");
        // The key was used above: the owner sees when, after a reload.
        navigate("merchant/till-keys");
        @SuppressWarnings("unchecked")
        Grid<TillKey> reloaded = _get(Grid.class);
        assertThat(GridKt._get(reloaded, row).lastUsedAt()).isNotNull();
        assertThat(GridKt._getFormattedRow(reloaded, row)).doesNotContain("从未");
        _click((Button) GridKt._getCellComponent(reloaded, row, "revoke"));
        assertThat(tillKeys.authenticate(key)).isEmpty();
    }

    @Test
    void cashiersCannotManageKeys() {
        login("merchant");
        directory.addCashier("keyless.cashier", "无钥收银员", "keyless-2026-pw");
        login("keyless.cashier", "keyless-2026-pw");
        navigate("merchant/till-keys");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
    }

    @Test
    void anotherMerchantsOwnerCanNeitherMakeNorRevokeThisMerchantsKeys() {
        login("merchant");
        long pineStore = directory.myStores().getFirst().id();
        String key = tillKeys.create(pineStore, "3 号收银台");
        long keyId = tillKeys.myKeys().stream().filter(own -> own.label().equals("3 号收银台")).findFirst().orElseThrow().id();

        login("hotel");
        assertThatThrownBy(() -> tillKeys.create(pineStore, "借用")).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("tillKeys.store.unknown"));
        assertThatThrownBy(() -> tillKeys.revoke(keyId)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("tillKeys.unknown"));
        assertThat(tillKeys.myKeys()).extracting(TillKey::id).doesNotContain(keyId);
        assertThat(tillKeys.authenticate(key)).isPresent();
    }
}
