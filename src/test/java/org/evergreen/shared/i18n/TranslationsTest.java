package org.evergreen.shared.i18n;

import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.household.LeavingRule;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.LedgerException;
import org.evergreen.member.Tier;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.ApplicationStatus;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user-visible string exists in Simplified Chinese and English. */
class TranslationsTest {

    /** A translation key written out in the code: a call's first argument, or the key after a field name. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation\\(|PlannedFeature\\(|title = |super\\(|InvalidInputException\\(\"[a-zA-Z]+\",\\s*)\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");

    private final Translations translations = new Translations();

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_en.properties").stringPropertyNames());
    }

    @Test
    void englishCountsOneAsOneAndGroupsThousands() {
        assertThat(translations.getTranslation("catalog.points", Locale.ENGLISH, 1L)).isEqualTo("1 point");
        assertThat(translations.getTranslation("catalog.points", Locale.ENGLISH, 0L)).isEqualTo("0 points");
        assertThat(translations.getTranslation("catalog.points", Locale.ENGLISH, 12_800L)).isEqualTo("12,800 points");
        assertThat(translations.getTranslation("catalog.points", Locale.SIMPLIFIED_CHINESE, 12_800L)).isEqualTo("12,800 积分");
        assertThat(translations.getTranslation("points.expiresOn", Locale.ENGLISH, 1L, "Dec 22")).isEqualTo("1 point expires on Dec 22");
        assertThat(translations.getTranslation("points.expiresOn", Locale.ENGLISH, 500L, "Dec 22")).isEqualTo("500 points expire on Dec 22");
        assertThat(translations.getTranslation("catalog.days", Locale.ENGLISH, 1)).isEqualTo("1 day");
        assertThat(translations.getTranslation("activity.purchase.green", Locale.ENGLISH, 1L)).isEqualTo("incl. 1 green point");
    }

    @Test
    void categoriesAreNamedInBothLanguagesTheGreenMethodsOnesIncluded() throws IOException {
        assertThat(CategoryNames.name("room-night", Locale.ENGLISH)).isEqualTo("Room nights");
        assertThat(CategoryNames.name("room-night", Locale.SIMPLIFIED_CHINESE)).isEqualTo("客房（每晚）");
        // A merchant's own code the vocabulary does not know is shown as written.
        assertThat(CategoryNames.name("house-blend-7", Locale.ENGLISH)).isEqualTo("house-blend-7");
        List<String> methodCategories = Files.readAllLines(Path.of("src/main/resources/green/standard-methods.csv")).stream().skip(1)
                .map(line -> line.split(",")[3]).flatMap(categories -> Stream.of(categories.split(";"))).toList();
        assertThat(methodCategories).isNotEmpty().allSatisfy(category -> {
            assertThat(translations.hasTranslation("category." + category, Locale.ENGLISH)).as(category).isTrue();
            assertThat(translations.hasTranslation("category." + category, Locale.SIMPLIFIED_CHINESE)).as(category).isTrue();
        });
    }

    @Test
    void everyLoggedActionHasANameInBothLanguages() throws IOException {
        Pattern recorded = Pattern.compile("actionLog\\.record\\((?:[a-z]+ \\? \"([a-zA-Z.]+)\" : )?\"([a-zA-Z.]+)\"");
        Set<String> actions = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = recorded.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (matcher.group(1) != null) {
                        actions.add(matcher.group(1));
                    }
                    actions.add(matcher.group(2));
                }
            }
        }
        assertThat(actions).hasSizeGreaterThan(25).contains("rules.disclosed", "reward.withdrawn", "staff.enabled");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            assertThat(actions).allSatisfy(action -> assertThat(translations.hasTranslation("action." + action, locale)).as(action).isTrue());
        }
    }

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Set<String> keys = load("messages_en.properties").stringPropertyNames();
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        used.removeIf(key -> key.startsWith("planned.") && !key.equals("planned.notYet")
                && keys.contains(key + ".title"));
        assertThat(used).hasSizeGreaterThan(80).contains("merchant.creditCode.invalid", "registration.identifier.taken");
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyEnumShownToPeopleHasItsLabels() {
        for (Locale locale : SupportedLocales.ALL) {
            Stream.of(Role.values()).forEach(role -> assertTranslated("role." + role.name(), locale));
            Stream.of(Tier.values()).forEach(tier -> assertTranslated("tier." + tier.name(), locale));
            Stream.of(MerchantCategory.values()).forEach(category -> assertTranslated("merchant.category." + category.name(), locale));
            Stream.of(LeavingRule.values()).forEach(rule -> assertTranslated("household.leavingRule." + rule.name(), locale));
            Stream.of(MerchantRole.values()).forEach(role -> assertTranslated("merchantRole." + role.name(), locale));
            Stream.of(ApplicationStatus.values()).forEach(status -> assertTranslated("application.status." + status.name(), locale));
            Stream.of(EntryKind.values()).forEach(kind -> assertTranslated("points.kind." + kind.name(), locale));
            Stream.of(RedemptionStatus.values()).forEach(status -> assertTranslated("activity.redemption.status." + status.name(), locale));
            Stream.of(RedemptionStatus.values()).forEach(status -> assertTranslated("redemption.merchantStatus." + status.name(), locale));
            Stream.of(IntegrityReport.Check.values()).forEach(check -> assertTranslated("integrity.check." + check.name(), locale));
            Stream.of(LedgerException.Reason.values()).forEach(reason -> assertTranslated("ledger.error." + reason.name(), locale));
        }
    }

    @Test
    void unknownBrowserLanguagesGetChineseAndParametersAreFilledIn() {
        assertThat(translations.getTranslation("app.name", Locale.FRENCH)).isEqualTo("常青积分");
        assertThat(translations.getTranslation("app.name", Locale.US)).isEqualTo("Evergreen");
        assertThat(translations.getTranslation("validation.tooLong", Locale.ENGLISH, 32)).isEqualTo("At most 32 characters, please.");
    }

    private void assertTranslated(String key, Locale locale) {
        assertThat(translations.getTranslation(key, locale)).as(key + " in " + locale).doesNotStartWith("!");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
