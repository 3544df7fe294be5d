package org.evergreen.green.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.GreenMethods;
import org.evergreen.portal.AccessDeniedView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The public methods page, open to anyone in both languages, and the admins' registry page that publishes to it. */
class GreenMethodsViewsTest extends KaribuTest {

    @Autowired
    GreenMethods methods;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anyoneReadsEveryMethodWithItsFactorBaselineSourceAndValidity() {
        navigate("green/methods");
        String led = _get(Section.class, spec -> spec.withId("method-led-lighting")).getElement().getTextRecursively();
        assertThat(led).contains("LED 照明", "购买 LED 灯泡或灯管", "品类：led-lighting");
        @SuppressWarnings("unchecked")
        Grid<Object> versions = _get(_get(Section.class, spec -> spec.withId("method-led-lighting")), Grid.class, spec -> spec.withClasses("factor-versions"));
        assertThat(String.join(" | ", GridKt._getFormattedRow(versions, 0))).contains("第 1 版：自 2026", "被新版本接替为止",
                "每件减排 17,679 克二氧化碳当量", "40 瓦白炽灯换成 9 瓦 LED 灯", "0.5703");
        assertThat(_get(Section.class, spec -> spec.withClasses("green-equivalents")).getElement().getTextRecursively())
                .contains("一棵树一年吸收 18 千克", "0.5703");

        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("rules");
        navigate("green/methods");
        Section transport = _get(Section.class, spec -> spec.withId("method-public-transport"));
        assertThat(transport.getElement().getTextRecursively()).contains("Public transport and rail", "Metro, bus or rail travel");
        @SuppressWarnings("unchecked")
        Grid<Object> transportVersions = _get(transport, Grid.class, spec -> spec.withClasses("factor-versions"));
        assertThat(String.join(" | ", GridKt._getFormattedRow(transportVersions, 0))).contains("Version 1: from", "280 g CO₂e per yuan",
                "private petrol car");
    }

    @Test
    void anAdminPublishesAMethodAndANewVersionAndBadInputChangesNothing() {
        login("admin");
        navigate("admin/green-methods");
        String code = "test-view-" + System.nanoTime() % 1_000_000;
        setValue(_get(TextField.class, spec -> spec.withLabel("代码")), code);
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), "旧衣回收");
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Clothes take-back");
        setValue(_get(TextArea.class, spec -> spec.withLabel("涵盖范围（中文）")), "交回旧衣物。");
        setValue(_get(TextArea.class, spec -> spec.withLabel("涵盖范围（英文）")), "Old clothes handed back.");
        setValue(_get(TextField.class, spec -> spec.withLabel("涵盖的品类")), code + "-a，" + code + "-b");
        var newMethod = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("new-method"));
        setValue(_get(newMethod, BigDecimalField.class, spec -> spec.withLabel("减排量（克二氧化碳当量）")), new BigDecimal("3000"));
        setValue(_get(newMethod, TextField.class, spec -> spec.withLabel("来源")), "测试来源");
        setValue(_get(newMethod, TextArea.class, spec -> spec.withLabel("基准情景（中文）")), "新衣物的生产。");
        setValue(_get(newMethod, TextArea.class, spec -> spec.withLabel("基准情景（英文）")), "Making new clothes.");
        DateTimePicker validFrom = _get(newMethod, DateTimePicker.class, spec -> spec.withLabel("生效时间"));
        validFrom.setValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(2));
        _click(_get(Button.class, spec -> spec.withClasses("add-method")));
        assertThat(validFrom.getErrorMessage()).isEqualTo("新版本须至少在生效前 10 分钟公布。");
        assertThat(methods.published()).noneMatch(method -> method.code().equals(code));

        validFrom.setValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(1));
        _click(_get(Button.class, spec -> spec.withClasses("add-method")));
        GreenMethod added = methods.published().stream().filter(method -> method.code().equals(code)).findFirst().orElseThrow();
        assertThat(added.categories()).containsExactly(code + "-a", code + "-b");
        assertThat(added.versions().getFirst().gramsPerBasis()).isEqualByComparingTo("3000");

        @SuppressWarnings("unchecked")
        Grid<GreenMethod> grid = _get(Grid.class, spec -> spec.withClasses("green-methods-grid"));
        int row = IntStream.range(0, GridKt._size(grid)).filter(index -> GridKt._get(grid, index).code().equals(code)).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(grid, row)).contains("旧衣回收", "每件减排 3,000 克二氧化碳当量");
        grid.select(GridKt._get(grid, row));
        var panel = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("new-version"));
        setValue(_get(panel, BigDecimalField.class, spec -> spec.withLabel("减排量（克二氧化碳当量）")), new BigDecimal("2500"));
        _get(panel, DateTimePicker.class, spec -> spec.withLabel("生效时间")).setValue(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2));
        _click(_get(panel, Button.class, spec -> spec.withClasses("publish-version")));
        assertThat(methods.published().stream().filter(method -> method.code().equals(code)).findFirst().orElseThrow().versions())
                .extracting(version -> version.gramsPerBasis().stripTrailingZeros().toPlainString()).containsExactly("3000", "2500");
    }

    @Test
    void anAdminChecksTheAggregatesNowAndSeesTheResult() {
        login("admin");
        navigate("admin/green-methods");
        _click(_get(Button.class, spec -> spec.withClasses("green-check-now")));
        String summary = _get(Paragraph.class, spec -> spec.withClasses("green-check-summary")).getText();
        assertThat(summary).startsWith("核对于").contains("个会员月份");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM green_reconciliation").query(Long.class).single()).isPositive();
    }

    @Test
    void onlyAdminsOpenTheRegistryPage() {
        login("member");
        navigate("admin/green-methods");
        _get(AccessDeniedView.class);
    }
}
