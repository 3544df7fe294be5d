package org.evergreen.shared.database;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Rows of an insert-only table (triggers refuse UPDATE and DELETE), kept by id. A row that can never change is
 * right in every node's cache for good, so no invalidation is needed; the cache only forgets everything once it
 * holds {@code capacity} rows, to stay bounded.
 */
public final class ImmutableRowCache<V> {

    private final int capacity;
    private final Map<Long, V> rows = new ConcurrentHashMap<>();

    public ImmutableRowCache(int capacity) {
        this.capacity = capacity;
    }

    /** The row with this id, read by {@code load} the first time; empty (and not kept) if there is none. */
    public Optional<V> get(long id, LongFunction<Optional<V>> load) {
        V row = rows.get(id);
        if (row != null) {
            return Optional.of(row);
        }
        Optional<V> loaded = load.apply(id);
        loaded.ifPresent(found -> {
            if (rows.size() >= capacity) {
                rows.clear();
            }
            rows.put(id, found);
        });
        return loaded;
    }
}
