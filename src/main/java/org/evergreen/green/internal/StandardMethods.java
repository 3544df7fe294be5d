package org.evergreen.green.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evergreen.green.FactorBasis;
import org.evergreen.green.FactorDraft;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.MethodDraft;
import org.evergreen.shared.database.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes the platform's standard methods (reference data in {@code green/standard-methods.csv}, not demo data) into
 * the registry at start-up, each with its first factor version in force from 2026-01-01 Beijing time, before any
 * purchase of this platform. A method already there, by its code, is left as it is: admins supersede it with versions.
 * It runs while the application starts, before the registry is first read and before any request is served.
 */
@Component("standardMethods")
class StandardMethods implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StandardMethods.class);

    static final Instant IN_FORCE_FROM = Instant.parse("2025-12-31T16:00:00Z");
    private static final String ACTOR = "system:standard-methods";

    private final GreenMethodRepository repository;
    private final RetryingTransactions transactions;
    private final Clock clock;

    StandardMethods(GreenMethodRepository repository, RetryingTransactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> published = repository.all().stream().map(GreenMethod::code).collect(Collectors.toSet());
        for (CSVRecord row : rows()) {
            if (!row.isConsistent()) {
                throw new IllegalStateException("green/standard-methods.csv: line " + row.getRecordNumber() + " has " + row.size() + " fields");
            }
            if (published.contains(row.get("code"))) {
                continue;
            }
            MethodDraft method = new MethodDraft(row.get("code"), FactorBasis.valueOf(row.get("basis")), row.get("name_zh"), row.get("name_en"),
                    row.get("description_zh"), row.get("description_en"), list(row.get("categories")), list(row.get("skus")));
            FactorDraft factor = new FactorDraft(new BigDecimal(row.get("grams_per_basis")), row.get("baseline_zh"), row.get("baseline_en"),
                    row.get("source"), IN_FORCE_FROM, null);
            try {
                transactions.execute(() -> repository.insertVersion(repository.insertMethod(method, clock.instant(), ACTOR), 1, factor,
                        clock.instant(), ACTOR));
            } catch (DuplicateKeyException taken) {
                // Another node starting at the same moment published it first, or an admin's method covers one of its categories.
                log.warn("Standard green method {} not published: its code, a category or a SKU is taken ({})", method.code(),
                        taken.getMostSpecificCause().getMessage());
            }
        }
    }

    private static List<String> list(String values) {
        return values.isBlank() ? List.of() : Arrays.stream(values.split(";")).map(String::strip).toList();
    }

    private static List<CSVRecord> rows() {
        try (Reader reader = new StringReader(new ClassPathResource("green/standard-methods.csv").getContentAsString(StandardCharsets.UTF_8))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
