package org.evergreen.green;

import org.evergreen.EvergreenTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.GreenLineClassifier.GreenLine;
import org.evergreen.earning.internal.RefundRepository.Refundable;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The methodology registry: the standard methods are published, a line is green by its category or SKU under the factor
 * version in force at the purchase time, versions are published ahead and never changed, and a refusal writes nothing.
 */
@EvergreenTest
class GreenMethodsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    GreenMethods methods;
    @Autowired
    JdbcClient jdbc;

    private CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void theStandardMethodsArePublishedWithTheirFirstVersionFrom2026() {
        assertThat(methods.published()).extracting(GreenMethod::code).contains("appliance-class1", "led-lighting", "refill-bulk",
                "second-hand", "public-transport", "hotel-no-linen", "local-produce");
        GreenMethod led = method("led-lighting");
        assertThat(led.basis()).isEqualTo(FactorBasis.UNIT);
        assertThat(led.name(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("LED 照明");
        assertThat(led.versions().getFirst().gramsPerBasis()).isEqualByComparingTo("17679");
        assertThat(led.versions().getFirst().validFrom()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(led.versions().getFirst().source()).contains("0.5703");
    }

    @Test
    void aLineIsGreenByItsSkuOrCategoryUnderTheVersionInForceWhenItWasBought() {
        int n = NEXT.incrementAndGet();
        Instant start = Instant.now().plus(Duration.ofMinutes(11)).truncatedTo(ChronoUnit.SECONDS);
        GreenMethod method = asAdmin(() -> methods.addMethod(new MethodDraft("test-yuan-" + n + "-" + System.nanoTime() % 100_000,
                FactorBasis.YUAN, "测试方法", "Test method", "测试用。", "For tests.", List.of("Test-Cat-" + n), List.of("TEST-SKU-" + n)),
                factor("12.5", start)));
        assertThat(method.categories()).containsExactly("test-cat-" + n);

        // Before the first version applies, nothing is green; from its start, 12.5 g per yuan, rounded down per line.
        assertThat(methods.classify("X", "test-cat-" + n, 1, new BigDecimal("9.99"), start.minusSeconds(1))).isNull();
        GreenLine first = methods.classify("X", "test-cat-" + n, 3, new BigDecimal("9.99"), start);
        assertThat(first).isNotNull();
        assertThat(first.co2eGrams()).isEqualTo(124);
        assertThat(first.factorVersion()).isEqualTo(1);

        // The SKU decides before the category: a refill-category line with this SKU is this method's.
        GreenLine bySku = methods.classify("TEST-SKU-" + n, "refill", 1, new BigDecimal("2.00"), start);
        assertThat(bySku.methodCode()).isEqualTo(method.code());
        assertThat(bySku.co2eGrams()).isEqualTo(25);
        assertThat(methods.classify("OTHER", "refill", 1, new BigDecimal("2.00"), start).methodCode()).isEqualTo("refill-bulk");
        assertThat(methods.classify("OTHER", "drinks", 1, new BigDecimal("2.00"), start)).isNull();

        FactorVersion second = asAdmin(() -> methods.publishFactor(method.id(), factor("20", start.plus(Duration.ofHours(1)))));
        assertThat(second.version()).isEqualTo(2);
        GreenLine stillFirst = methods.classify("X", "test-cat-" + n, 1, new BigDecimal("10.00"), start.plus(Duration.ofMinutes(59)));
        assertThat(stillFirst.factorId()).isEqualTo(first.factorId());
        assertThat(stillFirst.co2eGrams()).isEqualTo(125);
        GreenLine underSecond = methods.classify("X", "test-cat-" + n, 1, new BigDecimal("10.00"), start.plus(Duration.ofHours(1)));
        assertThat(underSecond.factorId()).isEqualTo(second.id());
        assertThat(underSecond.co2eGrams()).isEqualTo(200);
        // The first version is kept as published, now ended by the second.
        GreenMethod reread = method(method.code());
        assertThat(reread.versions()).hasSize(2);
        assertThat(reread.versions().getFirst().gramsPerBasis()).isEqualByComparingTo("12.5");
        assertThat(reread.endOf(reread.versions().getFirst())).isEqualTo(second.validFrom());
    }

    @Test
    void aRefusedMethodOrVersionWritesNothing() {
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        long methodsBefore = count("green_method");
        long versionsBefore = count("green_factor_version");
        long matchesBefore = count("green_method_match");
        MethodDraft draft = new MethodDraft("test-refused-" + NEXT.incrementAndGet(), FactorBasis.UNIT, "测试", "Test", "测试。", "Test.",
                List.of("refused-" + NEXT.get()), List.of());

        assertRefused(() -> methods.addMethod(draft, factor("10", soon)), "validFrom", "green.factor.tooSoon");
        assertRefused(() -> methods.addMethod(new MethodDraft(draft.code(), FactorBasis.UNIT, "测试", "Test", "测试。", "Test.",
                List.of("new-" + NEXT.get(), "Refill"), List.of()), factor("10", later)), "categories", "green.method.categoryTaken");
        assertRefused(() -> methods.addMethod(new MethodDraft("led-lighting", FactorBasis.UNIT, "测试", "Test", "测试。", "Test.",
                List.of("new-" + NEXT.get()), List.of()), factor("10", later)), "code", "green.method.codeTaken");
        assertRefused(() -> methods.addMethod(new MethodDraft("Bad Code", FactorBasis.UNIT, "测试", "Test", "测试。", "Test.",
                List.of("new-" + NEXT.get()), List.of()), factor("10", later)), "code", "green.method.codeInvalid");
        assertRefused(() -> methods.addMethod(new MethodDraft(draft.code(), FactorBasis.UNIT, "测试", "Test", "测试。", "Test.", List.of(),
                List.of()), factor("10", later)), "categories", "green.method.nothingCovered");
        assertRefused(() -> methods.addMethod(draft, factor("-1", later)), "gramsPerBasis", "green.factor.gramsInvalid");
        assertRefused(() -> methods.addMethod(draft, new FactorDraft(BigDecimal.TEN, "基准", "Baseline", "来源", later, later)),
                "validUntil", "green.factor.endBeforeStart");
        long led = method("led-lighting").id();
        assertRefused(() -> methods.publishFactor(led, factor("10", soon)), "validFrom", "green.factor.tooSoon");
        String member = fixtures.member(0).username();
        assertThatThrownBy(() -> fixtures.as(member, () -> methods.publishFactor(led, factor("10", later))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(count("green_method")).isEqualTo(methodsBefore);
        assertThat(count("green_factor_version")).isEqualTo(versionsBefore);
        assertThat(count("green_method_match")).isEqualTo(matchesBefore);
        assertThat(method("led-lighting").versions()).hasSize(1);
    }

    @Test
    void publishedRowsCannotBeChangedInTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE green_factor_version SET grams_per_basis = 1").update())
                .hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM green_method WHERE code = 'led-lighting'").update()).hasMessageContaining("insert-only");
    }

    @Test
    void refundsShareALinesCo2eByUnitWithoutLosingAGram() {
        // 100 g over 3 units: refunded one at a time, 33, 33 and the last 34.
        assertThat(new Refundable(3, BigDecimal.ONE, true, "m", 100, 0).co2eGramsOf(1)).isEqualTo(33);
        assertThat(new Refundable(3, BigDecimal.ONE, true, "m", 100, 1).co2eGramsOf(1)).isEqualTo(33);
        assertThat(new Refundable(3, BigDecimal.ONE, true, "m", 100, 2).co2eGramsOf(1)).isEqualTo(34);
        assertThat(new Refundable(3, BigDecimal.ONE, true, "m", 100, 0).co2eGramsOf(3)).isEqualTo(100);
    }

    private void assertRefused(Runnable attempt, String field, String messageKey) {
        assertThatThrownBy(() -> asAdmin(() -> {
            attempt.run();
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.messageKey()).isEqualTo(messageKey);
        });
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return fixtures.as("admin", work);
    }

    private GreenMethod method(String code) {
        return methods.published().stream().filter(method -> method.code().equals(code)).findFirst().orElseThrow();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static FactorDraft factor(String grams, Instant validFrom) {
        return new FactorDraft(new BigDecimal(grams), "测试基准", "Test baseline", "测试来源", validFrom, null);
    }
}
