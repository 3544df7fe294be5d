package org.evergreen.earning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.earning.PurchaseRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One line of a purchase typed in at the counter: what, which category, how many, at what price. */
class CounterLine extends HorizontalLayout {

    final TextField name = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final IntegerField quantity = new IntegerField();
    final BigDecimalField unitPrice = new BigDecimalField();
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());

    CounterLine(List<String> categories, Function<String, String> categoryName, Runnable changed) {
        addClassName("counter-line");
        setAlignItems(Alignment.BASELINE);
        name.setLabel(getTranslation("counter.line.name"));
        name.setMaxLength(200);
        category.setLabel(getTranslation("counter.line.category"));
        List<String> offered = new ArrayList<>(categories);
        category.setItems(offered);
        category.setItemLabelGenerator(code -> categoryName.apply(code) + " (" + code + ")");
        // A merchant's own category code may be typed in: the rules decide what it earns, the methods whether it is green.
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(typed -> {
            String code = typed.getDetail().strip().toLowerCase(Locale.ROOT);
            if (!offered.contains(code)) {
                offered.add(code);
                category.setItems(offered);
            }
            category.setValue(code);
        });
        quantity.setLabel(getTranslation("counter.line.quantity"));
        quantity.setValue(1);
        quantity.setMin(1);
        quantity.setStepButtonsVisible(true);
        unitPrice.setLabel(getTranslation("counter.line.unitPrice"));
        unitPrice.setPrefixComponent(new com.vaadin.flow.component.html.Span("¥"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("counter.line.remove"));
        quantity.addValueChangeListener(event -> changed.run());
        unitPrice.addValueChangeListener(event -> changed.run());
        add(name, category, quantity, unitPrice, remove);
    }

    /** The line as the till API takes it; the SKU is the line's place in the receipt when the shop has none. */
    PurchaseRequest.Line toRequestLine(int position) {
        String typedName = name.getValue().isBlank() ? categoryOrEmpty() : name.getValue().strip();
        return new PurchaseRequest.Line("LINE-" + position, typedName, categoryOrEmpty(), quantity.getValue() == null ? 0 : quantity.getValue(),
                unitPrice.getValue(), false, null);
    }

    BigDecimal amount() {
        return unitPrice.getValue() == null || quantity.getValue() == null ? BigDecimal.ZERO
                : unitPrice.getValue().multiply(BigDecimal.valueOf(quantity.getValue()));
    }

    private String categoryOrEmpty() {
        return category.getValue() == null ? "" : category.getValue();
    }
}
