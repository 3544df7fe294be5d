package org.evergreen.merchant;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts a store can be placed in, by GB/T 2260 code: reference data in {@code merchant/gbt2260-districts.csv}.
 * It holds the districts of the cities where the coalition trades; a new city is a few more rows.
 */
public final class AdministrativeRegions {

    private static final Map<String, Region> DISTRICTS = load();

    private AdministrativeRegions() {
    }

    /** Every district, ordered by code (so by province, then city). */
    public static List<Region> districts() {
        return List.copyOf(DISTRICTS.values());
    }

    public static Optional<Region> byCode(@Nullable String code) {
        return Optional.ofNullable(code == null ? null : DISTRICTS.get(code));
    }

    private static Map<String, Region> load() {
        try (Reader reader = new StringReader(new ClassPathResource("merchant/gbt2260-districts.csv").getContentAsString(StandardCharsets.UTF_8))) {
            Map<String, Region> districts = new LinkedHashMap<>();
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                districts.put(row.get("code"), new Region(row.get("code"), row.get("province_zh"), row.get("province_en"), row.get("city_zh"),
                        row.get("city_en"), row.get("district_zh"), row.get("district_en")));
            }
            return districts;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
