package org.evergreen.green.internal;

import org.evergreen.shared.database.RetryingTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds the contributions the listener appends into the aggregates, a batch at a time in one short transaction: every
 * aggregate row a batch touches is written once, with its rows' sums, in a fixed order (table, then key), and the
 * batch's contributions are deleted in the same transaction, so each counts exactly once. A busy store's day or a
 * popular product's month is written once per batch instead of once per purchase. Batches are taken with
 * {@code SKIP LOCKED}, so every node folds, each its own batch.
 */
@Component
public class AggregateFolder {

    static final int BATCH = 500;

    /** Sums of one aggregate row: the figures in the table's column order. */
    private static final class Sums {

        final Object[] figures;

        Sums(Object... figures) {
            this.figures = figures;
        }

        void add(Object... more) {
            for (int i = 0; i < figures.length; i++) {
                figures[i] = switch (figures[i]) {
                    case BigDecimal amount -> amount.add((BigDecimal) more[i]);
                    case Long count -> count + ((Number) more[i]).longValue();
                    case Integer count -> count + ((Number) more[i]).intValue();
                    default -> ((String) more[i]).isEmpty() ? figures[i] : more[i];
                };
            }
        }
    }

    /** Columns that are texts, not sums: a refund's line leaves them as its purchase gave them. */
    private static final Set<String> TEXTS = Set.of("method_code", "name");

    /** One aggregate table: its key and figure columns, and how a figure column takes a batch's sum. */
    private record Table(String name, List<String> keys, List<String> figures) {

        String upsert(int rows) {
            List<String> columns = new ArrayList<>(keys);
            columns.addAll(figures);
            String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES " + String.join(", ", Collections.nCopies(rows, row))
                    + " ON DUPLICATE KEY UPDATE " + String.join(", ", figures.stream().map(column -> TEXTS.contains(column)
                    ? column + " = IF(VALUE(" + column + ") = '', " + column + ", VALUE(" + column + "))"
                    : column + " = " + column + " + VALUE(" + column + ")").toList());
        }
    }

    private static final Table MEMBER_MONTH = new Table("green_member_month", List.of("member_id", "month"),
            List.of("purchases", "spend", "green_spend", "green_points", "co2e_grams"));
    private static final Table MEMBER_YEAR_MERCHANT = new Table("green_member_year_merchant", List.of("member_id", "year", "merchant_id"),
            List.of("spend", "green_spend", "green_points", "co2e_grams"));
    private static final Table MEMBER_YEAR_METHOD = new Table("green_member_year_method", List.of("member_id", "year", "method_code"),
            List.of("green_spend", "co2e_grams"));
    private static final Table STORE_DAY = new Table("green_store_day", List.of("merchant_id", "store_id", "day"),
            List.of("purchases", "spend", "green_spend", "green_points", "co2e_grams"));
    private static final Table STORE_METHOD_MONTH = new Table("green_store_method_month", List.of("merchant_id", "store_id", "month", "method_code"),
            List.of("units", "green_spend", "co2e_grams"));
    private static final Table PRODUCT_MONTH = new Table("green_product_month", List.of("merchant_id", "month", "sku"),
            List.of("method_code", "name", "units", "green_spend", "co2e_grams"));
    private static final Table REGION_MONTH = new Table("green_region_month", List.of("region_code", "month", "merchant_category"),
            List.of("purchases", "spend", "green_spend", "points", "green_points", "co2e_grams"));

    private final JdbcClient jdbc;
    private final RetryingTransactions transactions;

    AggregateFolder(JdbcClient jdbc, RetryingTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${evergreen.green.fold-interval:100ms}")
    void foldPending() {
        while (transactions.execute(this::foldBatch) == BATCH) {
            // A full batch: more are probably waiting.
        }
    }

    /** Folds up to one batch of contributions; how many it folded. */
    public int foldBatch() {
        record Contribution(long id, AggregateChange change) {
        }
        List<Contribution> batch = jdbc.sql("SELECT id, change_json FROM green_contribution ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(BATCH)
                .query((rs, n) -> new Contribution(rs.getLong("id"), GreenImpactRepository.read(rs.getString("change_json")))).list();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Table, Map<List<Object>, Sums>> rows = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        Set<List<Object>> regionMembers = new HashSet<>();
        Set<List<Object>> monthMembers = new HashSet<>();
        for (Contribution contribution : batch) {
            AggregateChange change = contribution.change();
            add(rows, MEMBER_MONTH, List.of(change.memberId(), change.month()), change.purchases(), change.spend(), change.greenSpend(),
                    change.greenPoints(), change.co2eGrams());
            if (change.day() == null) {
                continue; // counted before the methods: only its member's month has it
            }
            int year = change.month().getYear();
            add(rows, MEMBER_YEAR_MERCHANT, List.of(change.memberId(), year, change.merchantId()), change.spend(), change.greenSpend(),
                    change.greenPoints(), change.co2eGrams());
            add(rows, STORE_DAY, List.of(change.merchantId(), change.storeId(), change.day()), change.purchases(), change.spend(),
                    change.greenSpend(), change.greenPoints(), change.co2eGrams());
            for (AggregateChange.GreenLine line : change.greenLines()) {
                add(rows, MEMBER_YEAR_METHOD, List.of(change.memberId(), year, line.methodCode()), line.greenSpend(), line.co2eGrams());
                add(rows, STORE_METHOD_MONTH, List.of(change.merchantId(), change.storeId(), change.month(), line.methodCode()), line.units(),
                        line.greenSpend(), line.co2eGrams());
                add(rows, PRODUCT_MONTH, List.of(change.merchantId(), change.month(), line.sku()), line.methodCode(), line.name(), line.units(),
                        line.greenSpend(), line.co2eGrams());
            }
            if (change.merchantCategory() != null) {
                add(rows, REGION_MONTH, List.of(change.regionCode(), change.month(), change.merchantCategory()), change.purchases(),
                        change.spend(), change.greenSpend(), change.points(), change.greenPoints(), change.co2eGrams());
                if (change.purchases() > 0) {
                    regionMembers.add(List.of(change.regionCode(), change.month(), change.memberId()));
                    monthMembers.add(List.of(change.month(), change.memberId()));
                }
            }
        }
        rows.forEach(this::write);
        countActive(regionMembers, "green_region_member_month", List.of("region_code", "month", "member_id"), "green_region_active",
                List.of("region_code", "month"), key -> key.subList(0, 2));
        countActive(monthMembers, "green_member_active_month", List.of("month", "member_id"), "green_month_active", List.of("month"),
                key -> key.subList(0, 1));
        List<Long> ids = batch.stream().map(Contribution::id).toList();
        jdbc.sql("DELETE FROM green_contribution WHERE id IN (:ids)").param("ids", ids).update();
        return batch.size();
    }

    private static void add(Map<Table, Map<List<Object>, Sums>> rows, Table table, List<Object> key, Object... figures) {
        rows.computeIfAbsent(table, t -> new TreeMap<>(AggregateFolder::compareKeys)).merge(key, new Sums(figures.clone()),
                (sums, more) -> {
                    sums.add(more.figures);
                    return sums;
                });
    }

    private void write(Table table, Map<List<Object>, Sums> rows) {
        List<Map.Entry<List<Object>, Sums>> entries = new ArrayList<>(rows.entrySet());
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Map.Entry<List<Object>, Sums>> chunk = entries.subList(from, Math.min(entries.size(), from + BATCH));
            List<Object> values = new ArrayList<>();
            chunk.forEach(entry -> {
                values.addAll(entry.getKey());
                values.addAll(Arrays.asList(entry.getValue().figures));
            });
            jdbc.sql(table.upsert(chunk.size())).params(values).update();
        }
    }

    /**
     * Counts the members of the batch who had not bought yet in their district's (or the platform's) month: each
     * counter's members are inserted with {@code INSERT IGNORE} (their key is all their columns, so a duplicate is the only
     * row it can ignore), and the counter rises by the rows that were new.
     */
    private void countActive(Set<List<Object>> members, String memberTable, List<String> memberColumns, String countTable,
                             List<String> countColumns, Function<List<Object>, List<Object>> counterOf) {
        Map<List<Object>, List<List<Object>>> byCounter = new TreeMap<>(AggregateFolder::compareKeys);
        members.stream().sorted(AggregateFolder::compareKeys).forEach(key -> byCounter.computeIfAbsent(counterOf.apply(key), k -> new ArrayList<>())
                .add(key));
        String tuple = "(" + String.join(", ", Collections.nCopies(memberColumns.size(), "?")) + ")";
        byCounter.forEach((counter, keys) -> {
            int fresh = jdbc.sql("INSERT IGNORE INTO " + memberTable + " (" + String.join(", ", memberColumns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(keys.size(), tuple))).params(keys.stream().flatMap(List::stream).toList()).update();
            if (fresh > 0) {
                List<Object> values = new ArrayList<>(counter);
                values.add(fresh);
                jdbc.sql("INSERT INTO " + countTable + " (" + String.join(", ", countColumns) + ", members) VALUES ("
                                + String.join(", ", Collections.nCopies(countColumns.size() + 1, "?")) + ") ON DUPLICATE KEY UPDATE members = members + "
                                + fresh)
                        .params(values).update();
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
