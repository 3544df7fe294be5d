package org.evergreen.green;

import org.evergreen.earning.GreenLineClassifier;
import org.evergreen.earning.Purchases;
import org.evergreen.green.internal.GreenMethodRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.database.RetryingTransactions;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The methodology registry: the published methods that decide which purchase lines are green and how much CO₂e they
 * avoid. Anyone may read it (the public methods page); only admins publish, and a factor version applies only after
 * a notice, never to purchases already made. Nothing is edited in place: a new version supersedes the last one.
 *
 * <p>Purchases are classified against a copy of the registry in memory (a few dozen rows), so the till's write path
 * spends no statement on it. The copy is read again at most {@code registry-refresh} after a change on another node,
 * and the notice is longer than that plus how far ahead a till may date a purchase, so every node knows a version
 * before any purchase it applies to. One thread reads it again at a time; the others keep using the copy they have.
 */
@Service
@DependsOn("standardMethods")
public class GreenMethods implements GreenLineClassifier {

    static final BigDecimal MAX_GRAMS_PER_BASIS = new BigDecimal("10000000");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** The registry as last read, with its lines' lookups. */
    private record Registry(List<GreenMethod> methods, Map<String, GreenMethod> bySku, Map<String, GreenMethod> byCategory, Instant readAt) {

        static Registry of(List<GreenMethod> methods, Instant readAt) {
            Map<String, GreenMethod> bySku = new HashMap<>();
            Map<String, GreenMethod> byCategory = new HashMap<>();
            for (GreenMethod method : methods) {
                method.skus().forEach(sku -> bySku.put(sku, method));
                method.categories().forEach(category -> byCategory.put(category, method));
            }
            return new Registry(List.copyOf(methods), Map.copyOf(bySku), Map.copyOf(byCategory), readAt);
        }
    }

    private final GreenMethodRepository repository;
    private final RetryingTransactions transactions;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;
    private final Duration notice;
    private final Duration refresh;
    private volatile @Nullable Registry registry;

    GreenMethods(GreenMethodRepository repository, RetryingTransactions transactions, CurrentUser currentUser, ActionLog actionLog, Clock clock,
                 @Value("${evergreen.green.factor-notice:PT10M}") Duration notice,
                 @Value("${evergreen.green.registry-refresh:PT1M}") Duration refresh) {
        if (notice.compareTo(refresh.plus(Purchases.CLOCK_SKEW)) <= 0) {
            throw new IllegalArgumentException("evergreen.green.factor-notice must be longer than evergreen.green.registry-refresh plus "
                    + Purchases.CLOCK_SKEW.toMinutes() + " minutes (how far ahead a till may date a purchase)");
        }
        this.repository = repository;
        this.transactions = transactions;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
        this.notice = notice;
        this.refresh = refresh;
    }

    /** Every published method with all its versions: public, like every rule that earns points. */
    public List<GreenMethod> published() {
        return registry().methods();
    }

    /** How long before it applies a factor version must be published. */
    public Duration notice() {
        return notice;
    }

    @Override
    public @Nullable GreenLine classify(String sku, String category, int quantity, BigDecimal amount, Instant purchasedAt) {
        Registry current = registry();
        GreenMethod method = current.bySku().get(sku);
        if (method == null) {
            method = current.byCategory().get(category);
        }
        FactorVersion version = method == null ? null : method.versionAt(purchasedAt);
        return version == null ? null : new GreenLine(method.code(), version.id(), version.version(), method.co2eGrams(version, quantity, amount));
    }

    @Override
    public String methodName(String methodCode, Locale locale) {
        return registry().methods().stream().filter(method -> method.code().equals(methodCode)).findFirst()
                .map(method -> method.name(locale)).orElse(methodCode);
    }

    /** Publishes a new method with its first factor version. */
    @PreAuthorize("hasRole('ADMIN')")
    public GreenMethod addMethod(MethodDraft draft, FactorDraft factor) {
        MethodDraft method = checked(draft);
        FactorDraft first = checked(factor, null);
        String actor = currentUser.require().getUsername();
        Instant now = clock.instant();
        try {
            long id = transactions.execute(() -> {
                long methodId = repository.insertMethod(method, now, actor);
                repository.insertVersion(methodId, 1, first, now, actor);
                actionLog.record("greenMethod.added", "greenMethod:" + method.code(), first.gramsPerBasis() + " g per "
                        + method.basis() + ", from " + first.validFrom());
                return methodId;
            });
            return reread().methods().stream().filter(published -> published.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException taken) {
            // Another admin took the code, a category or a SKU between the check and the insert.
            checked(draft);
            throw new InvalidInputException("code", "green.method.codeTaken", method.code());
        }
    }

    /** Publishes the next factor version of a method; it supersedes the last one from its start. */
    @PreAuthorize("hasRole('ADMIN')")
    public FactorVersion publishFactor(long methodId, FactorDraft factor) {
        GreenMethod method = reread().methods().stream().filter(published -> published.id() == methodId).findFirst()
                .orElseThrow(() -> new InvalidInputException("method", "green.method.unknown"));
        FactorDraft next = checked(factor, method.versions().isEmpty() ? null : method.versions().getLast());
        String actor = currentUser.require().getUsername();
        Instant now = clock.instant();
        long id = transactions.execute(() -> {
            int last = repository.lockLastVersion(methodId);
            if (last != method.versions().size()) {
                throw new InvalidInputException("validFrom", "green.factor.changedMeanwhile");
            }
            long versionId = repository.insertVersion(methodId, last + 1, next, now, actor);
            actionLog.record("greenMethod.factor", "greenMethod:" + method.code(), "version " + (last + 1) + ", "
                    + next.gramsPerBasis() + " g per " + method.basis() + ", from " + next.validFrom());
            return versionId;
        });
        return reread().methods().stream().flatMap(published -> published.versions().stream()).filter(version -> version.id() == id).findFirst()
                .orElseThrow();
    }

    private MethodDraft checked(MethodDraft draft) {
        if (draft.code() == null || !CODE.matcher(draft.code().strip()).matches()) {
            throw new InvalidInputException("code", "green.method.codeInvalid");
        }
        String code = draft.code().strip();
        if (draft.basis() == null) {
            throw new InvalidInputException("basis", "validation.required");
        }
        List<String> categories = normalized("categories", draft.categories(), true);
        List<String> skus = normalized("skus", draft.skus(), false);
        if (categories.isEmpty() && skus.isEmpty()) {
            throw new InvalidInputException("categories", "green.method.nothingCovered");
        }
        Registry current = reread(code);
        for (String category : categories) {
            GreenMethod owner = current.byCategory().get(category);
            if (owner != null) {
                throw new InvalidInputException("categories", "green.method.categoryTaken", category, owner.nameZh(), owner.nameEn());
            }
        }
        for (String sku : skus) {
            GreenMethod owner = current.bySku().get(sku);
            if (owner != null) {
                throw new InvalidInputException("skus", "green.method.skuTaken", sku, owner.nameZh(), owner.nameEn());
            }
        }
        return new MethodDraft(code, draft.basis(), TextRules.requirePlainText("nameZh", draft.nameZh(), 100),
                TextRules.requirePlainText("nameEn", draft.nameEn(), 100), TextRules.requirePlainText("descriptionZh", draft.descriptionZh(), 1000),
                TextRules.requirePlainText("descriptionEn", draft.descriptionEn(), 1000), categories, skus);
    }

    /** The registry read again; refuses a code that is taken. */
    private Registry reread(String code) {
        Registry current = reread();
        if (current.methods().stream().anyMatch(method -> method.code().equals(code))) {
            throw new InvalidInputException("code", "green.method.codeTaken", code);
        }
        return current;
    }

    private static List<String> normalized(String field, @Nullable List<String> values, boolean lowerCase) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String trimmed = TextRules.requirePlainText(field, value, 64);
            result.add(lowerCase ? trimmed.toLowerCase(Locale.ROOT) : trimmed);
        }
        return List.copyOf(result);
    }

    private FactorDraft checked(FactorDraft factor, @Nullable FactorVersion last) {
        BigDecimal grams = factor.gramsPerBasis();
        if (grams == null || grams.signum() < 0 || grams.scale() > 3 || grams.compareTo(MAX_GRAMS_PER_BASIS) > 0) {
            throw new InvalidInputException("gramsPerBasis", "green.factor.gramsInvalid");
        }
        String baselineZh = TextRules.requirePlainText("baselineZh", factor.baselineZh(), 500);
        String baselineEn = TextRules.requirePlainText("baselineEn", factor.baselineEn(), 500);
        String source = TextRules.requirePlainText("source", factor.source(), 500);
        Instant earliest = clock.instant().plus(notice);
        if (factor.validFrom() == null || factor.validFrom().isBefore(earliest)) {
            throw new InvalidInputException("validFrom", "green.factor.tooSoon", notice.toMinutes());
        }
        if (last != null && !factor.validFrom().isAfter(last.validFrom())) {
            throw new InvalidInputException("validFrom", "green.factor.beforeLast", last.version());
        }
        if (factor.validUntil() != null && !factor.validUntil().isAfter(factor.validFrom())) {
            throw new InvalidInputException("validUntil", "green.factor.endBeforeStart");
        }
        return new FactorDraft(grams, baselineZh, baselineEn, source, factor.validFrom(), factor.validUntil());
    }

    private Registry registry() {
        Registry current = registry;
        if (current != null && !stale(current)) {
            return current;
        }
        synchronized (this) {
            current = registry;
            return current != null && !stale(current) ? current : reread();
        }
    }

    private boolean stale(Registry current) {
        return current.readAt().plus(refresh).isBefore(clock.instant());
    }

    /** Reads the registry again; one reader at a time, so a slower earlier read never replaces a later one. */
    private synchronized Registry reread() {
        Registry read = Registry.of(repository.all(), clock.instant());
        registry = read;
        return read;
    }
}
